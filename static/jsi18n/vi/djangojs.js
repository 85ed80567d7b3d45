
'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = 0;
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
      "%(area)s: %(count)s d\u1ecbch v\u1ee5"
    ],
    "%(area_and_count)s (your area)": "%(area_and_count)s (khu v\u1ef1c c\u1ee7a b\u1ea1n)",
    "%(area_and_count)s. %(service)s is based here (we have no address)": "%(area_and_count)s. %(service)s c\u00f3 tr\u1ee5 s\u1edf \u1edf \u0111\u00e2y (ch\u00fang t\u00f4i kh\u00f4ng c\u00f3 \u0111\u1ecba ch\u1ec9)",
    "%(count)s or more service": [
      "T\u1eeb %(count)s d\u1ecbch v\u1ee5 tr\u1edf l\u00ean"
    ],
    "%(count)s service": [
      "%(count)s d\u1ecbch v\u1ee5"
    ],
    "%(service)s, %(base)s": "%(service)s, %(base)s",
    "All of Scotland": "To\u00e0n Scotland",
    "Finding your location\u2026": "\u0110ang x\u00e1c \u0111\u1ecbnh v\u1ecb tr\u00ed c\u1ee7a b\u1ea1n\u2026",
    "Searching\u2026": "\u0110ang t\u00ecm ki\u1ebfm\u2026",
    "Shift: press %(count)s more time to leave this site.": [
      "Shift: nh\u1ea5n th\u00eam %(count)s l\u1ea7n n\u1eefa \u0111\u1ec3 tho\u00e1t trang n\u00e0y."
    ],
    "Something went wrong. Use the Find support button to try again.": "\u0110\u00e3 x\u1ea3y ra l\u1ed7i. H\u00e3y b\u1ea5m n\u00fat T\u00ecm h\u1ed7 tr\u1ee3 \u0111\u1ec3 th\u1eed l\u1ea1i.",
    "The list could not be copied: select it and copy it.": "Kh\u00f4ng th\u1ec3 sao ch\u00e9p danh s\u00e1ch: h\u00e3y ch\u1ecdn danh s\u00e1ch r\u1ed3i t\u1ef1 sao ch\u00e9p.",
    "The list was copied.": "\u0110\u00e3 sao ch\u00e9p danh s\u00e1ch.",
    "Your location is not available. Choose your council area instead.": "Kh\u00f4ng x\u00e1c \u0111\u1ecbnh \u0111\u01b0\u1ee3c v\u1ecb tr\u00ed c\u1ee7a b\u1ea1n. H\u00e3y ch\u1ecdn khu v\u1ef1c h\u1ed9i \u0111\u1ed3ng c\u1ee7a b\u1ea1n."
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
    "DATETIME_FORMAT": "H:i \\N\\g\u00e0\\y d \\t\\h\u00e1\\n\\g n \\n\u0103\\m Y",
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
    "DATE_FORMAT": "\\N\\g\u00e0\\y d \\t\\h\u00e1\\n\\g n \\n\u0103\\m Y",
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
    "SHORT_DATETIME_FORMAT": "H:i d-m-Y",
    "SHORT_DATE_FORMAT": "d-m-Y",
    "THOUSAND_SEPARATOR": ".",
    "TIME_FORMAT": "H:i",
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

