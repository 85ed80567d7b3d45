
'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = (n==1 ? 0 : (n%10>=2 && n%10<=4) && (n%100<12 || n%100>14) ? 1 : n!=1 && (n%10>=0 && n%10<=1) || (n%10>=5 && n%10<=9) || (n%100>=12 && n%100<=14) ? 2 : 3);
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
      "%(area)s: %(count)s plac\u00f3wka",
      "%(area)s: %(count)s plac\u00f3wki",
      "%(area)s: %(count)s plac\u00f3wek",
      "%(area)s: %(count)s plac\u00f3wki"
    ],
    "%(area_and_count)s (your area)": "%(area_and_count)s (tw\u00f3j obszar)",
    "%(area_and_count)s. %(service)s is based here (we have no address)": "%(area_and_count)s. %(service)s ma tu siedzib\u0119 (nie znamy adresu)",
    "%(count)s or more service": [
      "%(count)s lub wi\u0119cej plac\u00f3wek",
      "%(count)s lub wi\u0119cej plac\u00f3wek",
      "%(count)s lub wi\u0119cej plac\u00f3wek",
      "%(count)s lub wi\u0119cej plac\u00f3wek"
    ],
    "%(count)s service": [
      "%(count)s plac\u00f3wka",
      "%(count)s plac\u00f3wki",
      "%(count)s plac\u00f3wek",
      "%(count)s plac\u00f3wki"
    ],
    "%(service)s, %(base)s": "%(service)s, %(base)s",
    "All of Scotland": "Ca\u0142a Szkocja",
    "Finding your location\u2026": "Ustalanie twojej lokalizacji\u2026",
    "Searching\u2026": "Wyszukiwanie\u2026",
    "Shift: press %(count)s more time to leave this site.": [
      "Shift: naci\u015bnij jeszcze raz, aby wyj\u015b\u0107 ze strony.",
      "Shift: naci\u015bnij jeszcze %(count)s razy, aby wyj\u015b\u0107 ze strony.",
      "Shift: naci\u015bnij jeszcze %(count)s razy, aby wyj\u015b\u0107 ze strony.",
      "Shift: naci\u015bnij jeszcze %(count)s razy, aby wyj\u015b\u0107 ze strony."
    ],
    "Something went wrong. Use the Find support button to try again.": "Co\u015b posz\u0142o nie tak. U\u017cyj przycisku \u201eZnajd\u017a wsparcie\u201d, aby spr\u00f3bowa\u0107 ponownie.",
    "The list could not be copied: select it and copy it.": "Nie uda\u0142o si\u0119 skopiowa\u0107 listy: zaznacz j\u0105 i skopiuj.",
    "The list was copied.": "Lista zosta\u0142a skopiowana.",
    "Your location is not available. Choose your council area instead.": "Twoja lokalizacja jest niedost\u0119pna. Zamiast tego wybierz sw\u00f3j obszar samorz\u0105dowy."
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
    "DATETIME_FORMAT": "j E Y H:i",
    "DATETIME_INPUT_FORMATS": [
      "%d.%m.%Y %H:%M:%S",
      "%d.%m.%Y %H:%M:%S.%f",
      "%d.%m.%Y %H:%M",
      "%Y-%m-%d %H:%M:%S",
      "%Y-%m-%d %H:%M:%S.%f",
      "%Y-%m-%d %H:%M",
      "%Y-%m-%d"
    ],
    "DATE_FORMAT": "j E Y",
    "DATE_INPUT_FORMATS": [
      "%d.%m.%Y",
      "%d.%m.%y",
      "%y-%m-%d",
      "%Y-%m-%d"
    ],
    "DECIMAL_SEPARATOR": ",",
    "FIRST_DAY_OF_WEEK": 1,
    "MONTH_DAY_FORMAT": "j E",
    "NUMBER_GROUPING": 3,
    "SHORT_DATETIME_FORMAT": "d-m-Y  H:i",
    "SHORT_DATE_FORMAT": "d-m-Y",
    "THOUSAND_SEPARATOR": "\u00a0",
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

