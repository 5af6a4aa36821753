"""A lossless JSON codec for the frozen dataclasses of `synopse.model`.

The store keeps every annotated Article (and every analysed Story) as JSON, so annotation is
computed once and never again. The codec is generic: it follows the dataclasses' type hints
(nested dataclasses, `tuple[X, ...]`, `X | None`, StrEnums, plain scalars), so a field added
to model.py is stored without touching this file. Fields equal to their default are left out
to keep rows small; decoding puts the defaults back.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from enum import Enum
from typing import Any, TypeVar

from synopse.errors import InputError

T = TypeVar("T")
_SCALARS = (str, int, float, bool)
_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def to_json(obj: object) -> str:
    """One dataclass instance as compact JSON text."""
    return json.dumps(encode(obj), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def from_json(cls: type[T], text: str, where: str = "store") -> T:
    """The instance of `cls` that `to_json` wrote; InputError names `where` if it cannot be."""
    try:
        value: T = decode(cls, json.loads(text))
    except (ValueError, TypeError, KeyError) as exc:
        raise InputError(where, f"stored {cls.__name__} is not readable ({exc})") from exc
    return value


def encode(value: object) -> Any:
    """JSON-ready data: dataclasses as objects without default-valued fields, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: encode(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not _is_default(f, getattr(value, f.name))
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if value is None or isinstance(value, _SCALARS):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}")


def decode(hint: Any, data: Any) -> Any:
    """The value of type `hint` that `encode` turned into `data`."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _decode_dataclass(hint, data)
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return _decode_optional(typing.get_args(hint), data)
    if origin is tuple:
        item_type = typing.get_args(hint)[0]
        return tuple(decode(item_type, item) for item in _expect(list, data))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(data)
    if hint is float:
        return float(_expect(int | float, data))
    if hint in _SCALARS:
        return _expect(hint, data)
    raise TypeError(f"no codec for type {hint!r}")


def _decode_dataclass(cls: type[Any], data: Any) -> Any:
    hints = _field_types(cls)
    fields = _expect(dict, data)
    unknown = set(fields) - set(hints)
    if unknown:
        raise KeyError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    return cls(**{name: decode(hints[name], value) for name, value in fields.items()})


def _decode_optional(options: tuple[Any, ...], data: Any) -> Any:
    if data is None and type(None) in options:
        return None
    concrete = [option for option in options if option is not type(None)]
    if len(concrete) != 1:
        raise TypeError(f"no codec for a union of {concrete!r}")
    return decode(concrete[0], data)


def _field_types(cls: type[Any]) -> dict[str, Any]:
    """Field name -> resolved type hint (model.py uses postponed annotations)."""
    if cls not in _FIELD_TYPES:
        hints = typing.get_type_hints(cls)
        _FIELD_TYPES[cls] = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    return _FIELD_TYPES[cls]


def _is_default(field: dataclasses.Field[Any], value: object) -> bool:
    if field.default is not dataclasses.MISSING:
        return bool(value == field.default) and type(value) is type(field.default)
    if field.default_factory is not dataclasses.MISSING:
        return bool(value == field.default_factory())
    return False


def _expect(kind: Any, data: Any) -> Any:
    if isinstance(data, bool) and kind is not bool:
        raise TypeError(f"expected {kind}, found a boolean")
    if not isinstance(data, kind):
        raise TypeError(f"expected {kind}, found {type(data).__name__}")
    return data
