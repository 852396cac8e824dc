// pages/login.ts — "Đăng nhập": staff sign in, then return to the page they asked for
// (?next=/hoat-dong). Wrong passwords and lock-outs show the server's Vietnamese message.
import { ApiError, get, type Schema } from "../api";
import { h } from "../dom";
import { navigate, type Page } from "../router";
import { login } from "../session";
import { errorBox, pageHead } from "../components/ui";

const page: Page = (main, _p, query) => {
  const next = query.get("next");
  const safeNext = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  const status = h("div", { "aria-live": "assertive" });
  const user = h("input", { id: "login-user", name: "username", type: "text", autocomplete: "username", required: true, "data-testid": "login-user" });
  const pass = h("input", {
    id: "login-pass",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
    "data-testid": "login-pass",
  });
  const submit = h("button", { type: "submit", "data-testid": "login-submit" }, "Đăng nhập");

  main.append(
    pageHead("Đăng nhập hệ thống"),
    h(
      "form",
      {
        class: "card",
        style: { maxWidth: "420px" },
        novalidate: true,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          status.replaceChildren();
          if (!user.value.trim() || !pass.value) {
            status.append(errorBox(new ApiError(0, "empty", "Hãy nhập tên đăng nhập và mật khẩu.")));
            return;
          }
          submit.disabled = true;
          try {
            await login(user.value.trim(), pass.value);
            navigate(safeNext, true);
          } catch (err) {
            status.append(errorBox(err));
            pass.value = "";
            pass.focus();
          } finally {
            submit.disabled = false;
          }
        },
      },
      next ? h("p", { class: "alert alert-info" }, "Trang này dành cho cán bộ. Vui lòng đăng nhập để tiếp tục.") : null,
      status,
      h("div", { class: "field", style: { marginBottom: "10px" } }, h("label", { for: "login-user" }, "Tên đăng nhập"), user),
      h("div", { class: "field", style: { marginBottom: "14px" } }, h("label", { for: "login-pass" }, "Mật khẩu"), pass),
      submit,
      h(
        "p",
        { class: "small muted", style: { marginTop: "12px" } },
        "Người dân không cần đăng nhập để ",
        h("a", { href: "/hoi-dap", "data-link": true }, "hỏi đáp chính sách"),
        ".",
      ),
    ),
  );
  main.setAttribute("data-ready", "login");
  user.focus();
  // A new database has no account yet: say where the first one comes from.
  void get<Schema<"SetupState">>("/auth/setup")
    .then((r) => {
      if (r.needed)
        status.append(
          h(
            "p",
            { class: "alert alert-info", "data-testid": "setup-needed" },
            "Hệ thống chưa có tài khoản quản trị. Mở liên kết khởi tạo dùng một lần mà máy chủ in ra khi khởi động (dòng “Chưa có tài khoản quản trị…” trong cửa sổ chạy make run) để tạo tài khoản đầu tiên.",
          ),
        );
    })
    .catch(() => undefined);
};

export default page;
