"""“Tạo kế hoạch cho đơn vị”: pick the parent plan (or upload its DOCX/PDF), fill the unit, get the plan.

Calls ``cchc_docgen.derive`` (which reads an uploaded DOCX/PDF through ``cchc_docgen.importer``).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from cchc_docgen.atomic import write_bytes_atomic as write_atomic
from cchc_docgen.errors import DocgenError
from cchc_docgen.models.unit import Unit
from cchc_docgen.ooxml.package import UnreadablePackage
from cchc_docgen.web import library, store
from cchc_docgen.web.accounts import User
from cchc_docgen.web.app import page
from cchc_docgen.web.flash import set_flash
from cchc_docgen.web.formspec import fields
from cchc_docgen.web.jobs import run_job
from cchc_docgen.web.paths import public, rel_of
from cchc_docgen.web.routes_files import read_upload, unreadable
from cchc_docgen.web.security import check_csrf, current_user, open_document
from cchc_docgen.web.wording import plain

router = APIRouter()
UNIT_FIELDS = fields(Unit, ["name", "parent", "abbreviation", "place", "category", "full_name", "signs", "staff"])
DEPUTY_SLOTS = 2


def parents(request: Request, user: User) -> list[library.Entry]:
    """Issued plans this user may derive from: its own, its schools', its Phòng's."""
    data: Path = request.app.state.settings.data
    units = None if user.units is None else [*user.units, *([user.parent] if user.parent else [])]
    files = library.document_files(data, units)
    out = [library.entry(data, p) for p in files]
    return [e for e in out if e.kind == "ke_hoach" and e.status == "issued" and user.can_read_parent(e.unit)]


def _remembered(request: Request, user: User) -> dict[str, Any]:
    path = request.app.state.settings.state_dir / "units" / f"{user.unit or 'local'}.json"
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {"name": user.display} if user.unit else {}


def _remember(request: Request, user: User, values: dict[str, Any]) -> None:
    folder = request.app.state.settings.state_dir / "units"
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / f"{user.unit or 'local'}.json", json.dumps(values, ensure_ascii=False).encode("utf-8"))


def _form_page(request: Request, user: User, values: dict[str, Any], status: int = 200, **extra: Any) -> Response:
    extra.setdefault("chosen", "")  # the plan picked before a refused form stays picked
    return page(request, "new_plan.html", status, parents=parents(request, user), values=values,
                unit_fields=UNIT_FIELDS, slots=range(DEPUTY_SLOTS), messages=extra.pop("messages", {}), **extra)


@router.get("/new/plan")
async def new_plan(request: Request) -> Response:
    user = current_user(request)
    return _form_page(request, user, _remembered(request, user), error=None)


def unit_data(form: Any) -> dict[str, Any]:
    """The unit as plain data from the form (empty fields left out)."""
    def text(name: str) -> str:
        value = form.get(name)
        return " ".join(str(value).split()) if isinstance(value, str) else ""

    data: dict[str, Any] = {f.name: text(f"u.{f.name}") for f in UNIT_FIELDS if text(f"u.{f.name}")}
    data["head"] = {k: text(f"u.head.{k}") for k in ("title", "name") if text(f"u.head.{k}")}
    deputies = []
    for i in range(DEPUTY_SLOTS):
        person = {k: text(f"u.deputies.{i}.{k}") for k in ("title", "name", "duty") if text(f"u.deputies.{i}.{k}")}
        if person:
            deputies.append(person)
    if deputies:
        data["deputies"] = deputies
    teams = [line.strip() for line in str(form.get("u.teams") or "").splitlines() if line.strip()]
    if teams:
        data["teams"] = teams
    return data


def unit_messages(exc: ValidationError) -> dict[str, list[str]]:
    from cchc_docgen.loader.messages import problems_from

    out: dict[str, list[str]] = {}
    for problem in problems_from(exc, Unit, {}, "đơn vị"):
        key = problem.key.replace("[", ".").replace("]", "")
        key = ".".join(str(int(p) - 1) if p.isdigit() else p for p in key.split("."))  # deputies[1] → deputies.0
        out.setdefault(key, []).append(plain(problem.message))
    return out


@router.post("/new/plan")
async def create_plan(request: Request) -> Response:
    from cchc_docgen.derive import derive_file

    user = current_user(request)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    values = unit_data(form)
    flat = {**{k: v for k, v in values.items() if isinstance(v, str)}, "teams": "\n".join(values.get("teams", []))}
    flat.update({f"head.{k}": v for k, v in values.get("head", {}).items()})
    for i, person in enumerate(values.get("deputies", [])):
        flat.update({f"deputies.{i}.{k}": v for k, v in person.items()})
    try:
        unit = Unit.model_validate(values)
    except ValidationError as exc:
        return _form_page(request, user, flat, 422, messages=unit_messages(exc), chosen=str(form.get("parent", "")),
                          error="Thông tin đơn vị còn thiếu hoặc chưa đúng; xem các ô đánh dấu đỏ.")
    upload = form.get("parent_file")
    chosen = str(form.get("parent", ""))
    try:
        if upload is not None and not isinstance(upload, str) and upload.filename:
            name, data = await read_upload(request, upload, {".docx", ".pdf"})
            with tempfile.TemporaryDirectory() as tmp:
                source = Path(tmp) / Path(name).name
                source.write_bytes(data)
                derived = await run_job(request, derive_file, source, unit)
        elif chosen:
            path = open_document(request, chosen, reader_of(user))
            derived = await run_job(request, _derive_from_yaml, path, unit)
        else:
            return _form_page(request, user, flat, 422, error="Hãy chọn kế hoạch cấp trên, hoặc tải lên tệp Word/PDF.")
    except UnreadablePackage as exc:
        return _form_page(request, user, flat, 400, error=unreadable(str(getattr(upload, "filename", "")), exc))
    except DocgenError as exc:
        detail = "; ".join(plain(p.message) for p in exc.problems) or plain(exc.message)
        for folder in (Path(tempfile.gettempdir()), request.app.state.settings.data):
            detail = public(detail, folder, "")
        return _form_page(request, user, flat, 422, chosen=chosen, error=f"Không lập được kế hoạch: {detail}")
    _remember(request, user, flat)
    data_dir: Path = request.app.state.settings.data
    folder = data_dir / user.unit if user.unit else data_dir
    folder.mkdir(exist_ok=True)
    from cchc_docgen.derive import slug

    year = derived.document.year or (derived.document.date.year if derived.document.date else "")
    target = store.free_name(folder, f"ke-hoach-{slug(unit.abbreviation)}-{year}".rstrip("-"))
    store.create(target, derived.yaml_text)
    return RedirectResponse(f"/edit/{rel_of(data_dir, target)}?new=1", status_code=303)


def _derive_from_yaml(path: Path, unit: Unit) -> Any:
    """Run in a worker: the parent plan's YAML is a user's file too."""
    from cchc_docgen.derive import derive_file, load_parent

    return derive_file(load_parent(path), unit)


def reader_of(user: User) -> User:
    """``user`` allowed to read its Phòng's folder too (parent plans are read, never written, here)."""
    if user.unit is None or user.parent is None:
        return user
    return User(user.username, user.unit, user.display, user.children | {user.parent}, user.parent)




@router.get("/new/import")
async def import_form(request: Request) -> Response:
    current_user(request)
    return page(request, "import.html", error=None)


@router.post("/new/import")
async def import_upload(request: Request) -> Response:
    """An existing Word/PDF plan or report → a YAML file in the unit's folder, opened in the editor."""
    from cchc_docgen.importer import import_file

    user = current_user(request)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    name, data = await read_upload(request, form.get("file"), {".docx", ".pdf"})
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / Path(name).name
        source.write_bytes(data)
        try:
            result = await run_job(request, import_file, source)
        except UnreadablePackage as exc:  # the same words as the check page and the CLI: 400, never 500
            return page(request, "import.html", 400, error=public(unreadable(name, exc), Path(tmp), name))
        except DocgenError as exc:
            detail = "; ".join(p.message for p in exc.problems) or exc.message
            error = public(f"Không nhập được tệp “{name}”: {detail}", Path(tmp), name)
            return page(request, "import.html", 422, error=error)
    data_dir: Path = request.app.state.settings.data
    folder = data_dir / user.unit if user.unit else data_dir
    folder.mkdir(exist_ok=True)
    from cchc_docgen.web.paths import safe_stem

    target = store.free_name(folder, safe_stem(Path(name).stem))
    store.create(target, result.yaml_text)
    set_flash(request.session, (f"{u.where}: {u.text}" for u in result.unplaced),
              " cần xem lại trong văn bản")
    return RedirectResponse(f"/edit/{rel_of(data_dir, target)}?imported=1", status_code=303)
