from __future__ import annotations

import pytest

from tests.newsletter.smtp import SMTPServer


@pytest.fixture(scope="session")
def smtp_session_server():
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_session_server, settings) -> SMTPServer:
    """The real SMTP server on 127.0.0.1, empty and well-behaved, with Django's SMTP backend on it."""
    smtp_session_server.clear()
    if smtp_session_server.controller is None:  # a test stopped it
        smtp_session_server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_session_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "The Test Courier <news@example.org>"
    settings.STEPPE_NEWSLETTER_RATE = 0
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield smtp_session_server
    smtp_session_server.clear()
