"""Server settings: the data folder, where accounts and the session key live, upload limits."""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cchc_docgen.web.converter import CONVERT_SECONDS, LANES

#: Folder inside the data folder for the server's own files (accounts, key, drafts); never served.
STATE_DIR = ".cchc"
#: Largest upload accepted (bytes): real DOCX/PDF plans are well under this.
MAX_UPLOAD = 20 * 1024 * 1024
UPLOAD_TYPES = {".docx", ".pdf", ".txt"}
#: How long a sign-in lasts (seconds); logout or a password change ends it at once.
SESSION_SECONDS = 12 * 3600


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'; any other address is reachable from the network."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Settings:
    """What the app needs to know; ``data`` is the only folder requests may read or write."""

    data: Path
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload: int = MAX_UPLOAD
    secret_key: str = field(default="")
    #: Use warm LibreOffices for previews (False: one LibreOffice process per conversion), the seconds one
    #: DOCX → PDF conversion may take before it is stopped, and how many conversions run side by side (one
    #: warm LibreOffice each, at most one per user).
    warm_converter: bool = True
    convert_seconds: float = CONVERT_SECONDS
    converter_lanes: int = LANES
    #: Worker processes for jobs on users' files, each one's memory cap (MB) and wall-clock limit (seconds).
    job_slots: int = 3
    job_memory_mb: int = 1536
    job_seconds: float = 90.0

    def __post_init__(self) -> None:
        self.data = Path(self.data).resolve()
        if not self.secret_key:
            self.secret_key = load_secret(self.state_dir)

    @property
    def state_dir(self) -> Path:
        return self.data / STATE_DIR

    @property
    def accounts_file(self) -> Path:
        return self.state_dir / "users.json"


def load_secret(state_dir: Path) -> str:
    """The session-signing key kept in ``state_dir/secret`` (created once, readable by the owner only)."""
    path = state_dir / "secret"
    try:
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    state_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
