"""OpenAPI 3.1 description of the fx JSON API (served at /api/fx/openapi.json)."""

from __future__ import annotations

from typing import Any

_DECIMAL = {"type": "string", "pattern": r"^\d+(\.\d+)?$", "description": "An exact decimal as a string."}
_DATE = {"type": "string", "format": "date"}
_ERROR = {
    "description": "Bad parameters.",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
        }
    },
}
_SOURCE_ENUM = ["nbk", "nbkr", "cbu", "nbt", "cbt", "cbr"]
_CURRENCY = {"type": "string", "pattern": "^[A-Z]{3}$", "example": "KZT"}

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "steppe official exchange rates",
        "version": "1.0.0",
        "description": (
            "Official rates of the central banks of Kazakhstan (nbk), Kyrgyzstan (nbkr), Uzbekistan (cbu), "
            "Tajikistan (nbt), Turkmenistan (cbt) and Russia (cbr, used as a cross-check). Each local "
            "currency's US dollar rate comes from its own central bank. Rates are exact decimal strings."
        ),
    },
    "paths": {
        "/api/fx/latest": {
            "get": {
                "summary": "The newest rates: the five local currencies against USD, and every bank's set.",
                "operationId": "latest",
                "responses": {
                    "200": {
                        "description": "Newest rates.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Latest"}}},
                    }
                },
            }
        },
        "/api/fx/history": {
            "get": {
                "summary": "Daily history of one currency.",
                "description": (
                    "Without `source`: a local currency (KGS, KZT, TJS, UZS, TMT) per US dollar from its own "
                    "central bank. With `source`: that bank's rate of `currency` in its home currency. "
                    "The range defaults to the 90 days up to the newest rate and may span at most 1830 days."
                ),
                "operationId": "history",
                "parameters": [
                    {"name": "currency", "in": "query", "required": True, "schema": _CURRENCY},
                    {"name": "from", "in": "query", "required": False, "schema": _DATE},
                    {"name": "to", "in": "query", "required": False, "schema": _DATE},
                    {
                        "name": "source",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": _SOURCE_ENUM},
                    },  # fmt: skip
                ],
                "responses": {
                    "200": {
                        "description": "The series, oldest first.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/History"}}},
                    },
                    "400": _ERROR,
                },
            }
        },
        "/api/fx/openapi.json": {
            "get": {
                "summary": "This description.",
                "operationId": "openapi",
                "responses": {"200": {"description": "OpenAPI 3.1"}},
            }
        },
    },
    "components": {
        "schemas": {
            "Latest": {
                "type": "object",
                "required": ["base", "rates", "banks"],
                "properties": {
                    "base": {"const": "USD"},
                    "rates": {"type": "array", "items": {"$ref": "#/components/schemas/UsdRate"}},
                    "banks": {
                        "type": "object",
                        "additionalProperties": {"$ref": "#/components/schemas/BankSet"},
                    },
                },
            },
            "UsdRate": {
                "type": "object",
                "properties": {
                    "currency": _CURRENCY,
                    "units_per_usd": _DECIMAL,
                    "usd_per_unit": _DECIMAL,
                    "date": _DATE,
                    "previous_date": {"type": ["string", "null"], "format": "date"},
                    "previous_units_per_usd": {"type": ["string", "null"]},
                    "change_percent": {
                        "type": ["string", "null"],
                        "description": "Change of usd_per_unit, 2 decimals.",
                    },
                    "source": {"type": "string", "enum": _SOURCE_ENUM},
                    "source_name": {"type": "string"},
                    "fixed": {"type": "boolean", "description": "An administered (pegged) rate."},
                    "stale": {"type": "boolean"},
                },
            },
            "BankSet": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "home": _CURRENCY,
                    "date": _DATE,
                    "rates": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "currency": _CURRENCY,
                                "rate": {**_DECIMAL, "description": "Home-currency units for ONE unit."},
                                "date": _DATE,
                            },
                        },
                    },
                },
            },
            "History": {
                "type": "object",
                "properties": {
                    "currency": _CURRENCY,
                    "from": _DATE,
                    "to": _DATE,
                    "source": {"type": "string", "enum": _SOURCE_ENUM},
                    "source_name": {"type": "string"},
                    "rates": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "date": _DATE,
                                "units_per_usd": _DECIMAL,
                                "usd_per_unit": _DECIMAL,
                                "rate": _DECIMAL,
                            },
                        },
                    },
                },
            },
        }
    },
}
