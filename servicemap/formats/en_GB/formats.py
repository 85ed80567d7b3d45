# "4 December 2026": the month in full, as GOV.UK and the Scottish Government write dates, where
# Django's British English abbreviates it ("4 Dec 2026").
DATE_FORMAT = "j F Y"
