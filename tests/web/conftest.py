"""Fixtures for the web tests: a data folder with two schools under one Phòng, their accounts, and clients."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cchc_docgen.web.accounts import Accounts
from cchc_docgen.web.app import create_app
from cchc_docgen.web.settings import Settings

HERE = Path(__file__).resolve().parent
PASSWORD = "mat-khau-8"
#: username → (unit, parent unit)
USERS = {"ht.lacdao": ("th-lacdao", "pgd-vanlam"), "ht.khac": ("th-khac", "pgd-vanlam"),
         "pgd": ("pgd-vanlam", None), "ht.xa": ("th-xa", "pgd-khac")}


def make_data(root: Path) -> Path:
    """``root/data`` with ``th-lacdao/ke-hoach.yaml`` and ``th-khac/ke-hoach.yaml`` and accounts for all units."""
    data = root / "data"
    for unit in ("th-lacdao", "th-khac", "pgd-vanlam", "th-xa"):
        (data / unit).mkdir(parents=True)
    shutil.copy(HERE / "data" / "school_plan.yaml", data / "th-lacdao" / "ke-hoach.yaml")
    shutil.copy(HERE / "data" / "school_plan.yaml", data / "th-khac" / "ke-hoach.yaml")
    accounts = Accounts(Settings(data=data).accounts_file)
    for name, (unit, parent) in USERS.items():
        accounts.add(name, PASSWORD, unit, unit_name=unit, parent=parent)
    return data


@pytest.fixture(scope="session")
def _data_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_data(tmp_path_factory.mktemp("web-template"))  # argon2 hashing is slow on purpose: hash once


@pytest.fixture()
def data(tmp_path: Path, _data_template: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(_data_template, copy, symlinks=True)
    return copy


def login(client: TestClient, username: str, password: str = PASSWORD) -> None:
    page = client.get("/login")
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    response = client.post("/login", data={"csrf": token, "username": username, "password": password, "next": "/"},
                           follow_redirects=False)
    assert response.status_code == 303, response.text


def csrf(client: TestClient, url: str = "/") -> str:
    return client.get(url).text.split('name="csrf" value="')[1].split('"')[0]


PHONG_PLAN = "pgd-vanlam/ke-hoach-phong.yaml"


def post_report(client: TestClient, plan: str = PHONG_PLAN, period: str = "q1", year: str = "",
                **more: str) -> Any:
    """The “Lập báo cáo” form sent as a user would (a fresh token), the redirect not followed."""
    return client.post("/new/report", data={"csrf": csrf(client, "/new/report"), "plan": plan, "period": period,
                                            "year": year, **more}, follow_redirects=False)


@pytest.fixture()
def app_factory(data: Path) -> Iterator[object]:
    clients: list[TestClient] = []

    def make(username: str | None = "ht.lacdao", **settings: object) -> TestClient:
        app = create_app(Settings(data=data, warm_converter=False, **settings))  # type: ignore[arg-type]
        client = TestClient(app, base_url="http://127.0.0.1")
        client.__enter__()
        clients.append(client)
        if username:
            login(client, username)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)
