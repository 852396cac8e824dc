// pages/setup.ts — "Khởi tạo": the first administrator of a new caunoi. `caunoi serve` prints a
// one-time link /khoi-tao#<token> while the database has no administrator (src/auth/first_run.h);
// the token stays in the fragment, so it never reaches a server log. The person chooses their
// own name and password here, then signs in as usual.
import { ApiError, post } from "../api";
import { h } from "../dom";
import type { Page } from "../router";
import { errorBox, okBox, pageHead } from "../components/ui";

const page: Page = (main) => {
  const token = location.hash.replace(/^#/, "");
  const status = h("div", { "aria-live": "assertive" });
  const field = (id: string, label: string, attrs: Record<string, string | boolean>) => {
    const input = h("input", { id, name: id, required: true, ...attrs });
    return [h("div", { class: "field", style: { marginBottom: "10px" } }, h("label", { for: id }, label), input), input] as const;
  };
  const [userF, user] = field("setup-user", "Tên đăng nhập", { type: "text", autocomplete: "username", value: "admin", "data-testid": "setup-user" });
  const [nameF, name] = field("setup-name", "Họ và tên", { type: "text", autocomplete: "name", "data-testid": "setup-name" });
  const [passF, pass] = field("setup-pass", "Mật khẩu (ít nhất 10 ký tự)", { type: "password", autocomplete: "new-password", "data-testid": "setup-pass" });
  const [againF, again] = field("setup-again", "Nhập lại mật khẩu", { type: "password", autocomplete: "new-password", "data-testid": "setup-again" });
  const submit = h("button", { type: "submit", "data-testid": "setup-submit" }, "Tạo tài khoản quản trị");

  const form = h(
    "form",
    {
      class: "card",
      style: { maxWidth: "480px" },
      novalidate: true,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        status.replaceChildren();
        if (pass.value !== again.value) {
          status.append(errorBox(new ApiError(0, "password_mismatch", "Hai lần nhập mật khẩu không khớp.")));
          return;
        }
        submit.disabled = true;
        try {
          await post("/auth/setup", { token, username: user.value.trim(), full_name: name.value.trim(), password: pass.value });
          history.replaceState(null, "", "/khoi-tao"); // the token is spent: drop it from the address bar
          form.replaceWith(
            h(
              "div",
              { class: "card", "data-testid": "setup-done" },
              okBox(`Đã tạo tài khoản quản trị ${user.value.trim()}.`),
              h("p", null, h("a", { href: "/dang-nhap", "data-link": true, class: "btn" }, "Đăng nhập")),
            ),
          );
        } catch (err) {
          status.append(errorBox(err));
        } finally {
          submit.disabled = false;
        }
      },
    },
    token
      ? h(
          "p",
          { class: "alert alert-info" },
          "Hệ thống chưa có tài khoản quản trị. Hãy tạo tài khoản quản trị đầu tiên; sau đó liên kết này không dùng được nữa.",
        )
      : h("p", { class: "alert alert-error", role: "alert" }, "Thiếu mã khởi tạo. Hãy mở đúng liên kết được in ra khi máy chủ caunoi khởi động."),
    status,
    userF,
    nameF,
    passF,
    againF,
    submit,
  );
  main.append(pageHead("Khởi tạo hệ thống"), form);
  main.setAttribute("data-ready", "setup");
  (token ? name : user).focus();
};

export default page;
