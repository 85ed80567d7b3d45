
'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = (n==1?0:(((n%100>19)||((n%100==0)&&(n!=0)))?2:1));
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
      "%(area)s: %(count)s serviciu",
      "%(area)s: %(count)s servicii",
      "%(area)s: %(count)s de servicii"
    ],
    "%(area_and_count)s (your area)": "%(area_and_count)s (zona dumneavoastr\u0103)",
    "%(area_and_count)s. %(service)s is based here (we have no address)": "%(area_and_count)s. %(service)s are sediul aici (nu avem adresa)",
    "%(count)s or more service": [
      "%(count)s serviciu sau mai multe",
      "%(count)s servicii sau mai multe",
      "%(count)s de servicii sau mai multe"
    ],
    "%(count)s service": [
      "%(count)s serviciu",
      "%(count)s servicii",
      "%(count)s de servicii"
    ],
    "%(service)s, %(base)s": "%(service)s, %(base)s",
    "All of Scotland": "Toat\u0103 Sco\u021bia",
    "Finding your location\u2026": "Se caut\u0103 loca\u021bia dumneavoastr\u0103\u2026",
    "Searching\u2026": "Se caut\u0103\u2026",
    "Shift: press %(count)s more time to leave this site.": [
      "Shift: mai ap\u0103sa\u021bi o dat\u0103 pentru a ie\u0219i de pe site.",
      "Shift: mai ap\u0103sa\u021bi de %(count)s ori pentru a ie\u0219i de pe site.",
      "Shift: mai ap\u0103sa\u021bi de %(count)s de ori pentru a ie\u0219i de pe site."
    ],
    "Something went wrong. Use the Find support button to try again.": "A ap\u0103rut o problem\u0103. Ap\u0103sa\u021bi butonul \u201eG\u0103si\u021bi sprijin\u201d pentru a \u00eencerca din nou.",
    "The list could not be copied: select it and copy it.": "Lista nu a putut fi copiat\u0103: selecta\u021bi-o \u0219i copia\u021bi-o.",
    "The list was copied.": "Lista a fost copiat\u0103.",
    "Your location is not available. Choose your council area instead.": "Loca\u021bia dumneavoastr\u0103 nu este disponibil\u0103. Alege\u021bi \u00een schimb zona administrativ\u0103."
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
    "DATETIME_FORMAT": "j F Y, H:i",
    "DATETIME_INPUT_FORMATS": [
      "%d.%m.%Y, %H:%M",
      "%d.%m.%Y, %H:%M:%S",
      "%d.%B.%Y, %H:%M",
      "%d.%B.%Y, %H:%M:%S",
      "%Y-%m-%d %H:%M:%S",
      "%Y-%m-%d %H:%M:%S.%f",
      "%Y-%m-%d %H:%M",
      "%Y-%m-%d"
    ],
    "DATE_FORMAT": "j F Y",
    "DATE_INPUT_FORMATS": [
      "%d.%m.%Y",
      "%d.%b.%Y",
      "%d %B %Y",
      "%A, %d %B %Y",
      "%Y-%m-%d"
    ],
    "DECIMAL_SEPARATOR": ",",
    "FIRST_DAY_OF_WEEK": 1,
    "MONTH_DAY_FORMAT": "j F",
    "NUMBER_GROUPING": 3,
    "SHORT_DATETIME_FORMAT": "d.m.Y, H:i",
    "SHORT_DATE_FORMAT": "d.m.Y",
    "THOUSAND_SEPARATOR": ".",
    "TIME_FORMAT": "H:i",
    "TIME_INPUT_FORMATS": [
      "%H:%M",
      "%H:%M:%S",
      "%H:%M:%S.%f"
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

