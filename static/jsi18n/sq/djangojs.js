
'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = (n != 1);
    if (typeof v === 'boolean') {
      return v ? 1 : 0;
    } else {
      return v;
    }
  };
  

  /* gettext library */

  django.catalog = django.catalog || {};
  
  const newcatalog = {
    "%(area)s: %(count)s service": [
      "%(area)s: %(count)s sh\u00ebrbim",
      "%(area)s: %(count)s sh\u00ebrbime"
    ],
    "%(area_and_count)s (your area)": "%(area_and_count)s (zona juaj)",
    "%(area_and_count)s. %(service)s is based here (we have no address)": "%(area_and_count)s. %(service)s e ka selin\u00eb k\u00ebtu (nuk e kemi adres\u00ebn)",
    "%(count)s or more service": [
      "%(count)s ose m\u00eb shum\u00eb sh\u00ebrbime",
      "%(count)s ose m\u00eb shum\u00eb sh\u00ebrbime"
    ],
    "%(count)s service": [
      "%(count)s sh\u00ebrbim",
      "%(count)s sh\u00ebrbime"
    ],
    "%(service)s, %(base)s": "%(service)s, %(base)s",
    "All of Scotland": "E gjith\u00eb Skocia",
    "Finding your location\u2026": "Po gjendet vendndodhja juaj\u2026",
    "Searching\u2026": "Po k\u00ebrkohet\u2026",
    "Shift: press %(count)s more time to leave this site.": [
      "Shift: shtypni edhe nj\u00eb her\u00eb p\u00ebr t\u00eb dal\u00eb nga faqja.",
      "Shift: shtypni edhe %(count)s her\u00eb p\u00ebr t\u00eb dal\u00eb nga faqja."
    ],
    "Something went wrong. Use the Find support button to try again.": "Di\u00e7ka shkoi keq. P\u00ebrdorni butonin \u201eGjeni mb\u00ebshtetje\u201d p\u00ebr t\u00eb provuar p\u00ebrs\u00ebri.",
    "The list could not be copied: select it and copy it.": "Lista nuk u kopjua dot: p\u00ebrzgjidheni dhe kopjojeni vet\u00eb.",
    "The list was copied.": "Lista u kopjua.",
    "Your location is not available. Choose your council area instead.": "Vendndodhja juaj nuk \u00ebsht\u00eb e disponueshme. Zgjidhni zon\u00ebn tuaj bashkiake."
  };
  for (const key in newcatalog) {
    django.catalog[key] = newcatalog[key];
  }
  

  if (!django.jsi18n_initialized) {
    django.gettext = function(msgid) {
      const value = django.catalog[msgid];
      if (typeof value === 'undefined') {
        return msgid;
      } else {
        return (typeof value === 'string') ? value : value[0];
      }
    };

    django.ngettext = function(singular, plural, count) {
      const value = django.catalog[singular];
      if (typeof value === 'undefined') {
        return (count == 1) ? singular : plural;
      } else {
        return value.constructor === Array ? value[django.pluralidx(count)] : value;
      }
    };

    django.gettext_noop = function(msgid) { return msgid; };

    django.pgettext = function(context, msgid) {
      let value = django.gettext(context + '\x04' + msgid);
      if (value.includes('\x04')) {
        value = msgid;
      }
      return value;
    };

    django.npgettext = function(context, singular, plural, count) {
      let value = django.ngettext(context + '\x04' + singular, context + '\x04' + plural, count);
      if (value.includes('\x04')) {
        value = django.ngettext(singular, plural, count);
      }
      return value;
    };

    django.interpolate = function(fmt, obj, named) {
      if (named) {
        return fmt.replace(/%\(\w+\)s/g, function(match){return String(obj[match.slice(2,-2)])});
      } else {
        return fmt.replace(/%s/g, function(match){return String(obj.shift())});
      }
    };


    /* formatting library */

    django.formats = {
    "DATETIME_FORMAT": "N j, Y, P",
    "DATETIME_INPUT_FORMATS": [
      "%Y-%m-%d %H:%M:%S",
      "%Y-%m-%d %H:%M:%S.%f",
      "%Y-%m-%d %H:%M",
      "%m/%d/%Y %H:%M:%S",
      "%m/%d/%Y %H:%M:%S.%f",
      "%m/%d/%Y %H:%M",
      "%m/%d/%y %H:%M:%S",
      "%m/%d/%y %H:%M:%S.%f",
      "%m/%d/%y %H:%M"
    ],
    "DATE_FORMAT": "d F Y",
    "DATE_INPUT_FORMATS": [
      "%Y-%m-%d",
      "%m/%d/%Y",
      "%m/%d/%y",
      "%b %d %Y",
      "%b %d, %Y",
      "%d %b %Y",
      "%d %b, %Y",
      "%B %d %Y",
      "%B %d, %Y",
      "%d %B %Y",
      "%d %B, %Y"
    ],
    "DECIMAL_SEPARATOR": ",",
    "FIRST_DAY_OF_WEEK": 0,
    "MONTH_DAY_FORMAT": "j F",
    "NUMBER_GROUPING": 0,
    "SHORT_DATETIME_FORMAT": "m/d/Y P",
    "SHORT_DATE_FORMAT": "Y-m-d",
    "THOUSAND_SEPARATOR": ".",
    "TIME_FORMAT": "g.i.A",
    "TIME_INPUT_FORMATS": [
      "%H:%M:%S",
      "%H:%M:%S.%f",
      "%H:%M"
    ],
    "YEAR_MONTH_FORMAT": "F Y"
  };

    django.get_format = function(format_type) {
      const value = django.formats[format_type];
      if (typeof value === 'undefined') {
        return format_type;
      } else {
        return value;
      }
    };

    /* add to global namespace */
    globals.pluralidx = django.pluralidx;
    globals.gettext = django.gettext;
    globals.ngettext = django.ngettext;
    globals.gettext_noop = django.gettext_noop;
    globals.pgettext = django.pgettext;
    globals.npgettext = django.npgettext;
    globals.interpolate = django.interpolate;
    globals.get_format = django.get_format;

    django.jsi18n_initialized = true;
  }
};

