"""Development logs print each line once (Django's own console handler on the "django" logger
used to print every django.* line a second time beside the root's)."""

import logging

from django.utils.log import configure_logging


def test_a_django_log_line_is_printed_once_in_development(settings, capfd):
    settings.DEBUG = True
    try:
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
        logging.getLogger("django.request").warning("Uji baris log sekali")
        assert capfd.readouterr().err.count("Uji baris log sekali") == 1
    finally:
        settings.DEBUG = False
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
