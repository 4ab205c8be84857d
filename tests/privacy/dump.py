"""Every value of every row of every table, as one text: to prove a name is gone."""

from __future__ import annotations

from django.apps import apps


def database_text() -> str:
    parts = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for row in model._base_manager.values_list():
            parts.extend(str(value) for value in row)
    return "\n".join(parts)
