
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
      "%(area)s\uff1a%(count)s \u9879\u670d\u52a1"
    ],
    "%(area_and_count)s (your area)": "%(area_and_count)s\uff08\u60a8\u6240\u5728\u7684\u533a\u57df\uff09",
    "%(area_and_count)s. %(service)s is based here (we have no address)": "%(area_and_count)s\u3002%(service)s \u8bbe\u5728\u6b64\u533a\u57df\uff08\u6211\u4eec\u6ca1\u6709\u5176\u5730\u5740\uff09",
    "%(count)s or more service": [
      "%(count)s \u9879\u53ca\u4ee5\u4e0a\u670d\u52a1"
    ],
    "%(count)s service": [
      "%(count)s \u9879\u670d\u52a1"
    ],
    "%(service)s, %(base)s": "%(service)s\uff0c%(base)s",
    "All of Scotland": "\u82cf\u683c\u5170\u5168\u5883",
    "Finding your location\u2026": "\u6b63\u5728\u83b7\u53d6\u60a8\u7684\u4f4d\u7f6e\u2026",
    "Searching\u2026": "\u6b63\u5728\u641c\u7d22\u2026",
    "Shift: press %(count)s more time to leave this site.": [
      "Shift\uff1a\u518d\u6309 %(count)s \u6b21\u5373\u53ef\u79bb\u5f00\u672c\u7f51\u7ad9\u3002"
    ],
    "Something went wrong. Use the Find support button to try again.": "\u51fa\u9519\u4e86\u3002\u8bf7\u70b9\u51fb\u201c\u5bfb\u627e\u652f\u6301\u201d\u6309\u94ae\u91cd\u8bd5\u3002",
    "The list could not be copied: select it and copy it.": "\u65e0\u6cd5\u590d\u5236\u5217\u8868\uff1a\u8bf7\u9009\u4e2d\u5217\u8868\u540e\u81ea\u884c\u590d\u5236\u3002",
    "The list was copied.": "\u5217\u8868\u5df2\u590d\u5236\u3002",
    "Your location is not available. Choose your council area instead.": "\u65e0\u6cd5\u83b7\u53d6\u60a8\u7684\u4f4d\u7f6e\u3002\u8bf7\u6539\u4e3a\u9009\u62e9\u60a8\u6240\u5728\u7684\u8bae\u4f1a\u533a\u3002"
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
    "DATETIME_FORMAT": "Y\u5e74n\u6708j\u65e5 H:i",
    "DATETIME_INPUT_FORMATS": [
      "%Y/%m/%d %H:%M",
      "%Y-%m-%d %H:%M",
      "%Y\u5e74%n\u6708%j\u65e5 %H:%M",
      "%Y/%m/%d %H:%M:%S",
      "%Y-%m-%d %H:%M:%S",
      "%Y\u5e74%n\u6708%j\u65e5 %H:%M:%S",
      "%Y/%m/%d %H:%M:%S.%f",
      "%Y-%m-%d %H:%M:%S.%f",
      "%Y\u5e74%n\u6708%j\u65e5 %H:%n:%S.%f",
      "%Y-%m-%d"
    ],
    "DATE_FORMAT": "Y\u5e74n\u6708j\u65e5",
    "DATE_INPUT_FORMATS": [
      "%Y/%m/%d",
      "%Y-%m-%d",
      "%Y\u5e74%n\u6708%j\u65e5"
    ],
    "DECIMAL_SEPARATOR": ".",
    "FIRST_DAY_OF_WEEK": 1,
    "MONTH_DAY_FORMAT": "m\u6708j\u65e5",
    "NUMBER_GROUPING": 4,
    "SHORT_DATETIME_FORMAT": "Y\u5e74n\u6708j\u65e5 H:i",
    "SHORT_DATE_FORMAT": "Y\u5e74n\u6708j\u65e5",
    "THOUSAND_SEPARATOR": "",
    "TIME_FORMAT": "H:i",
    "TIME_INPUT_FORMATS": [
      "%H:%M",
      "%H:%M:%S",
      "%H:%M:%S.%f"
    ],
    "YEAR_MONTH_FORMAT": "Y\u5e74n\u6708"
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

