"""Accounts, sign-in, CSRF, per-unit access and paths that must not leave the data folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cchc_docgen.cli import main
from cchc_docgen.errors import InputError
from cchc_docgen.web.accounts import Accounts
from cchc_docgen.web.paths import BadPath, doc_path
from cchc_docgen.web.settings import Settings, is_loopback
from tests.web.conftest import PASSWORD, csrf


def test_passwords_are_hashed_with_argon2(data: Path) -> None:
    text = (data / ".cchc" / "users.json").read_text(encoding="utf-8")
    assert PASSWORD not in text
    assert "$argon2" in text
    accounts = Accounts(data / ".cchc" / "users.json")
    assert accounts.verify("ht.lacdao", PASSWORD) is not None
    assert accounts.verify("ht.lacdao", PASSWORD + "x") is None
    assert accounts.verify("nobody", PASSWORD) is None


def test_account_input_is_checked(data: Path) -> None:
    accounts = Accounts(data / ".cchc" / "users.json")
    with pytest.raises(InputError, match="quá ngắn"):
        accounts.add("a.b", "short", "th-a")
    with pytest.raises(InputError, match="mã đơn vị"):
        accounts.add("a.b", PASSWORD, "../etc")
    with pytest.raises(InputError, match="đã có"):
        accounts.add("pgd", PASSWORD, "pgd-vanlam")


def test_without_login_every_page_goes_to_the_login_page(app_factory) -> None:
    client = app_factory(None)
    for url in ("/", "/edit/th-lacdao/ke-hoach.yaml", "/preview/th-lacdao/ke-hoach.yaml", "/check"):
        response = client.get(url, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login")


def test_wrong_password_says_so_in_vietnamese(app_factory) -> None:
    client = app_factory(None)
    token = csrf(client, "/login")
    response = client.post("/login", data={"csrf": token, "username": "pgd", "password": "sai-mat-khau"})
    assert response.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.text
    assert "cchc_session" not in response.cookies or "user" not in response.text


def test_forms_without_the_csrf_token_are_refused(app_factory, data: Path) -> None:
    client = app_factory("ht.lacdao")
    before = (data / "th-lacdao" / "ke-hoach.yaml").read_bytes()
    response = client.post("/edit/th-lacdao/ke-hoach.yaml", data={"s:title": "Đã bị sửa", "version": "x"})
    assert response.status_code == 403
    assert "CSRF" in response.text
    response = client.post("/login", data={"username": "pgd", "password": PASSWORD})
    assert response.status_code == 403
    assert (data / "th-lacdao" / "ke-hoach.yaml").read_bytes() == before


def test_a_school_sees_only_its_own_documents(app_factory) -> None:
    client = app_factory("ht.lacdao")
    library = client.get("/").text
    assert "th-lacdao/ke-hoach.yaml" in library
    assert "th-khac/ke-hoach.yaml" not in library
    for url in ("/edit/th-khac/ke-hoach.yaml", "/preview/th-khac/ke-hoach.yaml", "/download/docx/th-khac/ke-hoach.yaml",
                "/edit/th-khac/does-not-exist.yaml", "/edit/pgd-vanlam/ke-hoach.yaml"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "không có quyền" in response.text
    token = csrf(client)
    response = client.post("/edit/th-khac/ke-hoach.yaml", data={"csrf": token, "s:title": "x", "version": "x"})
    assert response.status_code == 403


def test_the_phong_sees_its_schools_but_not_other_phongs(app_factory, data: Path) -> None:
    (data / "th-xa" / "other.yaml").write_bytes((data / "th-khac" / "ke-hoach.yaml").read_bytes())
    client = app_factory("pgd")
    library = client.get("/").text
    assert "th-lacdao/ke-hoach.yaml" in library and "th-khac/ke-hoach.yaml" in library
    assert "th-xa/other.yaml" not in library
    assert client.get("/edit/th-khac/ke-hoach.yaml").status_code == 200
    assert client.get("/edit/th-xa/other.yaml").status_code == 403


@pytest.mark.parametrize("rel", ["../secret.yaml", "th-lacdao/../../x.yaml", "/etc/passwd", ".cchc/users.json",
                                 "th-lacdao/.hidden.yaml", "th-lacdao/a/b.yaml", "th-lacdao/x.txt", "..%2fx.yaml",
                                 "th-lacdao\\x.yaml"])
def test_request_paths_never_leave_the_data_folder(data: Path, rel: str) -> None:
    with pytest.raises(BadPath):
        doc_path(data, rel)


def test_a_symlink_out_of_the_data_folder_is_refused(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("title: x\n", encoding="utf-8")
    (data / "th-lacdao" / "link.yaml").symlink_to(outside)
    with pytest.raises(BadPath):
        doc_path(data, "th-lacdao/link.yaml")


def test_encoded_traversal_through_http_is_refused(app_factory) -> None:
    client = app_factory("ht.lacdao")
    for url in ("/edit/..%2f..%2fetc%2fpasswd", "/edit/th-lacdao/..%2F..%2F.cchc%2Fusers.json",
                "/download/docx/%2e%2e/%2e%2e/etc/passwd.yaml"):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert "argon2" not in response.text and "root:" not in response.text


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10") and not is_loopback("example.org")


def test_serve_refuses_a_network_address_without_accounts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "cchc-docgen: lỗi:" in err and "chưa có tài khoản" in err and "users add" in err
    assert main(["serve", "--data", str(tmp_path / "missing")]) == 2
    assert "không có thư mục dữ liệu" in capsys.readouterr().err


def test_users_add_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-dai\n"))
    code = main(["users", "add", "ht.a", "--unit", "th-a", "--parent", "pgd-x", "--data", str(tmp_path),
                 "--password-stdin"])
    assert code == 0, capsys.readouterr().err
    user = Accounts(Settings(data=tmp_path).accounts_file).verify("ht.a", "mat-khau-dai")
    assert user is not None and user.unit == "th-a" and user.parent == "pgd-x"
    assert (tmp_path / "th-a").is_dir()
    monkeypatch.setattr("sys.stdin", io.StringIO("ngan\n"))
    assert main(["users", "add", "ht.b", "--unit", "th-b", "--data", str(tmp_path), "--password-stdin"]) == 1
    assert "mật khẩu quá ngắn" in capsys.readouterr().err


def test_local_mode_needs_no_login_and_sees_the_whole_folder(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from cchc_docgen.web.app import create_app

    data = tmp_path / "d"
    (data / "a").mkdir(parents=True)
    source = Path(__file__).parent / "data" / "school_plan.yaml"
    (data / "top.yaml").write_bytes(source.read_bytes())
    (data / "a" / "x.yaml").write_bytes(source.read_bytes())
    with TestClient(create_app(Settings(data=data, warm_converter=False)), base_url="http://127.0.0.1:8000") as client:
        page = client.get("/")
        assert page.status_code == 200
        assert "top.yaml" in page.text and "a/x.yaml" in page.text
        assert "Dự thảo" in page.text or "Đã ban hành" in page.text
        # another site's name pointing at 127.0.0.1 (DNS rebinding) is not served
        assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_serve_says_when_the_port_is_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--data", str(tmp_path)]) == 2
    assert f"không mở được cổng {port}" in capsys.readouterr().err


def test_users_list(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "list", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "ht.lacdao\tth-lacdao" in out and "pgd\tpgd-vanlam" in out
    assert main(["users", "--data", str(data)]) in (1, 2)


def test_serve_starts_on_a_network_address_once_there_are_accounts(data: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    started: dict[str, object] = {}

    def fake_run(app: object, **kwargs: object) -> None:
        started.update(kwargs, app=app)

    monkeypatch.setattr("uvicorn.run", fake_run)
    from tests.web.server import free_port

    port = free_port()
    assert main(["serve", "--host", "0.0.0.0", "--port", str(port), "--data", str(data)]) == 0
    assert started["host"] == "0.0.0.0" and started["port"] == port
    assert started["app"].state.login_needed  # type: ignore[attr-defined]
