"""The Open Referral UK / HSDS 3.0 feed: our services as HSDS records, and back again.

``taxonomy`` publishes the terms our attributes use and ``ids`` the stable identifiers;
``export`` writes a service's record and ``parse`` reads one back; ``importer`` loads a whole
feed; ``schemas`` checks against the HSDS JSON Schemas; ``views`` serve it at /openreferral/.
"""
