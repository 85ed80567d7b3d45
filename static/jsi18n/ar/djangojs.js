
'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;
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
      "%(area)s: \u0644\u0627 \u062a\u0648\u062c\u062f \u062e\u062f\u0645\u0627\u062a",
      "%(area)s: \u062e\u062f\u0645\u0629 \u0648\u0627\u062d\u062f\u0629",
      "%(area)s: \u062e\u062f\u0645\u062a\u0627\u0646",
      "%(area)s: %(count)s \u062e\u062f\u0645\u0627\u062a",
      "%(area)s: %(count)s \u062e\u062f\u0645\u0629",
      "%(area)s: %(count)s \u062e\u062f\u0645\u0629"
    ],
    "%(area_and_count)s (your area)": "%(area_and_count)s (\u0645\u0646\u0637\u0642\u062a\u0643)",
    "%(area_and_count)s. %(service)s is based here (we have no address)": "%(area_and_count)s. \u064a\u0642\u0639 \u0645\u0642\u0631 %(service)s \u0647\u0646\u0627 (\u0644\u064a\u0633 \u0644\u062f\u064a\u0646\u0627 \u0639\u0646\u0648\u0627\u0646\u0647)",
    "%(count)s or more service": [
      "%(count)s \u062e\u062f\u0645\u0629 \u0623\u0648 \u0623\u0643\u062b\u0631",
      "\u062e\u062f\u0645\u0629 \u0648\u0627\u062d\u062f\u0629 \u0623\u0648 \u0623\u0643\u062b\u0631",
      "\u062e\u062f\u0645\u062a\u0627\u0646 \u0623\u0648 \u0623\u0643\u062b\u0631",
      "%(count)s \u062e\u062f\u0645\u0627\u062a \u0623\u0648 \u0623\u0643\u062b\u0631",
      "%(count)s \u062e\u062f\u0645\u0629 \u0623\u0648 \u0623\u0643\u062b\u0631",
      "%(count)s \u062e\u062f\u0645\u0629 \u0623\u0648 \u0623\u0643\u062b\u0631"
    ],
    "%(count)s service": [
      "\u0644\u0627 \u062a\u0648\u062c\u062f \u062e\u062f\u0645\u0627\u062a",
      "\u062e\u062f\u0645\u0629 \u0648\u0627\u062d\u062f\u0629",
      "\u062e\u062f\u0645\u062a\u0627\u0646",
      "%(count)s \u062e\u062f\u0645\u0627\u062a",
      "%(count)s \u062e\u062f\u0645\u0629",
      "%(count)s \u062e\u062f\u0645\u0629"
    ],
    "%(service)s, %(base)s": "%(service)s\u060c %(base)s",
    "All of Scotland": "\u0627\u0633\u0643\u062a\u0644\u0646\u062f\u0627 \u0643\u0644\u0647\u0627",
    "Finding your location\u2026": "\u062c\u0627\u0631\u064d \u062a\u062d\u062f\u064a\u062f \u0645\u0648\u0642\u0639\u0643\u2026",
    "Searching\u2026": "\u062c\u0627\u0631\u064d \u0627\u0644\u0628\u062d\u062b\u2026",
    "Shift: press %(count)s more time to leave this site.": [
      "\u064a\u0645\u0643\u0646\u0643 \u0627\u0644\u0636\u063a\u0637 \u0639\u0644\u0649 \u0645\u0641\u062a\u0627\u062d Shift %(count)s \u0645\u0631\u0629 \u0623\u062e\u0631\u0649 \u0644\u0645\u063a\u0627\u062f\u0631\u0629 \u0627\u0644\u0645\u0648\u0642\u0639.",
      "\u064a\u0645\u0643\u0646\u0643 \u0627\u0644\u0636\u063a\u0637 \u0639\u0644\u0649 \u0645\u0641\u062a\u0627\u062d Shift \u0645\u0631\u0629 \u0623\u062e\u0631\u0649 \u0644\u0645\u063a\u0627\u062f\u0631\u0629 \u0627\u0644\u0645\u0648\u0642\u0639.",
      "\u064a\u0645\u0643\u0646\u0643 \u0627\u0644\u0636\u063a\u0637 \u0639\u0644\u0649 \u0645\u0641\u062a\u0627\u062d Shift \u0645\u0631\u062a\u064a\u0646 \u0623\u062e\u0631\u064a\u064a\u0646 \u0644\u0645\u063a\u0627\u062f\u0631\u0629 \u0627\u0644\u0645\u0648\u0642\u0639.",
      "\u064a\u0645\u0643\u0646\u0643 \u0627\u0644\u0636\u063a\u0637 \u0639\u0644\u0649 \u0645\u0641\u062a\u0627\u062d Shift %(count)s \u0645\u0631\u0627\u062a \u0623\u062e\u0631\u0649 \u0644\u0645\u063a\u0627\u062f\u0631\u0629 \u0627\u0644\u0645\u0648\u0642\u0639.",
      "\u064a\u0645\u0643\u0646\u0643 \u0627\u0644\u0636\u063a\u0637 \u0639\u0644\u0649 \u0645\u0641\u062a\u0627\u062d Shift %(count)s \u0645\u0631\u0629 \u0623\u062e\u0631\u0649 \u0644\u0645\u063a\u0627\u062f\u0631\u0629 \u0627\u0644\u0645\u0648\u0642\u0639.",
      "\u064a\u0645\u0643\u0646\u0643 \u0627\u0644\u0636\u063a\u0637 \u0639\u0644\u0649 \u0645\u0641\u062a\u0627\u062d Shift %(count)s \u0645\u0631\u0629 \u0623\u062e\u0631\u0649 \u0644\u0645\u063a\u0627\u062f\u0631\u0629 \u0627\u0644\u0645\u0648\u0642\u0639."
    ],
    "Something went wrong. Use the Find support button to try again.": "\u062d\u062f\u062b \u062e\u0637\u0623 \u0645\u0627. \u064a\u0645\u0643\u0646\u0643 \u0627\u0633\u062a\u062e\u062f\u0627\u0645 \u0632\u0631 \u00ab\u0627\u0644\u0628\u062d\u062b \u0639\u0646 \u062f\u0639\u0645\u00bb \u0644\u0644\u0645\u062d\u0627\u0648\u0644\u0629 \u0645\u0631\u0629 \u0623\u062e\u0631\u0649.",
    "The list could not be copied: select it and copy it.": "\u062a\u0639\u0630\u0651\u0631 \u0646\u0633\u062e \u0627\u0644\u0642\u0627\u0626\u0645\u0629: \u064a\u0645\u0643\u0646\u0643 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0648\u0646\u0633\u062e\u0647\u0627 \u064a\u062f\u0648\u064a\u064b\u0627.",
    "The list was copied.": "\u062a\u0645 \u0646\u0633\u062e \u0627\u0644\u0642\u0627\u0626\u0645\u0629.",
    "Your location is not available. Choose your council area instead.": "\u0645\u0648\u0642\u0639\u0643 \u063a\u064a\u0631 \u0645\u062a\u0627\u062d. \u064a\u0645\u0643\u0646\u0643 \u0627\u062e\u062a\u064a\u0627\u0631 \u0645\u0646\u0637\u0642\u0629 \u0645\u062c\u0644\u0633\u0643 \u0627\u0644\u0645\u062d\u0644\u064a \u0628\u062f\u0644\u0627\u064b \u0645\u0646 \u0630\u0644\u0643."
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
    "DATE_FORMAT": "j F\u060c Y",
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
    "SHORT_DATE_FORMAT": "d\u200f/m\u200f/Y",
    "THOUSAND_SEPARATOR": ".",
    "TIME_FORMAT": "g:i A",
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

