"""Date formats where Django's own for a language are not how this site writes dates
(FORMAT_MODULE_PATH). Every other language keeps Django's: 2022年5月31日, 31 maja 2022."""
