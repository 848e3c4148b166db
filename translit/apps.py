from django.apps import AppConfig


class TranslitConfig(AppConfig):
    """Uzbek Latin/Cyrillic transliteration: the reader's script choice and search normalisation."""

    name = "translit"
    verbose_name = "Uzbek script"
