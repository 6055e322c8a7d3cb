"""Accounts per unit: usernames, argon2 password hashes, the unit each user belongs to and its parent unit.

A unit is a folder of the data folder (``truong-thcs-a/``); a Phòng is the parent of its schools and sees
their folders too. The file is ``<data>/.cchc/users.json``, written atomically.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from cchc_docgen.atomic import write_bytes_atomic as write_atomic
from cchc_docgen.errors import InputError

UNIT_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
USER_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_hasher = PasswordHasher()
_lock = threading.Lock()


@dataclass(frozen=True)
class User:
    """A signed-in person (or the local user when the server runs without accounts)."""

    username: str
    unit: str | None  # None: the local user on 127.0.0.1 without accounts, who sees the whole data folder
    display: str = ""
    children: frozenset[str] = field(default_factory=frozenset)  # units whose parent is this user's unit
    parent: str | None = None

    def can_access(self, unit: str | None) -> bool:
        """May this user open documents of ``unit`` (``None``: files at the top of the data folder)?"""
        if self.unit is None:
            return True
        return unit is not None and (unit == self.unit or unit in self.children)

    def can_read_parent(self, unit: str | None) -> bool:
        """May this user use ``unit``'s plans as parent plans (its own, its schools', its Phòng's)?"""
        return self.can_access(unit) or (self.unit is not None and unit == self.parent)

    @property
    def units(self) -> list[str] | None:
        """Folders this user works in (``None``: all)."""
        return None if self.unit is None else [self.unit, *sorted(self.children)]


class Accounts:
    """The accounts file: ``{"users": {name: {...}}, "units": {unit: {"name": …, "parent": …}}}``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"users": {}, "units": {}}
        except (OSError, ValueError) as exc:
            raise InputError(f"không đọc được tệp tài khoản '{self.path}' ({exc}); hãy kiểm tra lại tệp này.") from None
        data.setdefault("users", {})
        data.setdefault("units", {})
        return data

    def exists(self) -> bool:
        return bool(self._read()["users"])

    def add(self, username: str, password: str, unit: str, *, unit_name: str = "", parent: str | None = None,
            replace: bool = False) -> None:
        """Add (or with ``replace`` update) a user of ``unit``; ``parent`` is the unit's Phòng."""
        if not USER_PATTERN.match(username):
            raise InputError(f"tên đăng nhập '{username}' không hợp lệ: chỉ dùng chữ không dấu, số, '.', '_', '-'.")
        for u in (unit, parent):
            if u is not None and not UNIT_PATTERN.match(u):
                raise InputError(
                    f"mã đơn vị '{u}' không hợp lệ: chỉ dùng chữ thường không dấu, số, '-' và '_' "
                    "(ví dụ 'thcs-nguyen-du'); mã này cũng là tên thư mục của đơn vị."
                )
        if len(password) < 8:
            raise InputError("mật khẩu quá ngắn: cần ít nhất 8 ký tự.")
        if parent == unit:
            raise InputError("đơn vị cấp trên (--parent) phải khác đơn vị của tài khoản.")
        with _lock:
            data = self._read()
            if username in data["users"] and not replace:
                raise InputError(f"tài khoản '{username}' đã có; thêm --replace nếu muốn đặt lại mật khẩu.")
            data["users"][username] = {"unit": unit, "hash": _hasher.hash(password)}
            info = data["units"].setdefault(unit, {})
            if unit_name:
                info["name"] = unit_name
            if parent:
                info["parent"] = parent
                data["units"].setdefault(parent, {})
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
            self.path.chmod(0o600)

    def verify(self, username: str, password: str) -> User | None:
        """The user when the password matches, else ``None`` (same work either way)."""
        data = self._read()
        entry = data["users"].get(username)
        stored = entry["hash"] if entry else _DUMMY_HASH
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        return self.user(username) if entry else None

    def user(self, username: str) -> User | None:
        data = self._read()
        entry = data["users"].get(username)
        if entry is None:
            return None
        unit = entry["unit"]
        units = data["units"]
        children = frozenset(u for u, info in units.items() if info.get("parent") == unit)
        info = units.get(unit, {})
        return User(username, unit, info.get("name", unit), children, info.get("parent"))

    def users(self) -> dict[str, str]:
        """Username → unit, for listing."""
        return {name: str(info["unit"]) for name, info in self._read()["users"].items()}

    def unit_names(self) -> dict[str, str]:
        return {u: info.get("name", u) for u, info in self._read()["units"].items()}


_DUMMY_HASH = _hasher.hash("not-a-real-password-used-for-timing")

LOCAL_USER = User("local", None, "Máy này (127.0.0.1)")
