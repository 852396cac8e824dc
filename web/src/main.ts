// main.ts — entry of the web application: draws the frame (header, navigation, main area) and
// registers the pages with the router. Pages load on demand so the first screen stays light.
// The menu follows the session: a visitor who is not signed in sees only the public pages
// (Hỏi đáp, Đăng nhập); staff see their pages once the server has said who they are, and news
// of their own unit's reported months above the page (components/notices.ts).
import "./styles.css";
import { h } from "./dom";
import { whenLoginRequired } from "./api";
import { navigate, route, start, type Page } from "./router";
import { expired, logout, may, onUser, whoAmI, type User } from "./session";
import { takesPart } from "./approvals";
import { noticeBox, noticeCount, onNoticeCount, refreshNotices } from "./components/notices";

interface NavItem {
  path: string;
  label: string;
  group: string;
  show: "staff" | "public" | "all"; // staff: signed in only; public: not signed in only
  only?: (u: User | null) => boolean; // further limited to some staff
  notices?: boolean; // shows the count of unread notices (components/notices.ts)
}

const nav: NavItem[] = [
  { path: "/", label: "Tổng quan", group: "Điều hành", show: "staff", only: (u) => may(u, "report") },
  { path: "/hoat-dong", label: "Hoạt động truyền thông", group: "Nghiệp vụ", show: "staff" },
  { path: "/ke-hoach", label: "Kế hoạch, chỉ tiêu", group: "Nghiệp vụ", show: "staff" },
  { path: "/ket-qua", label: "Kết quả phát triển người tham gia", group: "Nghiệp vụ", show: "staff" },
  { path: "/duyet-thang", label: "Duyệt số liệu tháng", group: "Nghiệp vụ", show: "staff", only: takesPart, notices: true },
  { path: "/bao-cao", label: "Báo cáo", group: "Nghiệp vụ", show: "staff", only: (u) => may(u, "report") },
  { path: "/danh-muc", label: "Danh mục", group: "Nghiệp vụ", show: "staff" },
  { path: "/hoi-dap", label: "Hỏi đáp chính sách", group: "Người dân", show: "all" },
  { path: "/hoi-dap/quan-ly", label: "Quản lý hỏi đáp", group: "Người dân", show: "staff" },
  { path: "/dang-nhap", label: "Đăng nhập", group: "Cán bộ", show: "public" },
];

const loginPath = () => "/dang-nhap?next=" + encodeURIComponent(location.pathname + location.search);

// Pages load on demand; staff pages first make sure someone is signed in (the session check
// runs alongside the page's code download).
function lazy(load: () => Promise<{ default: Page }>, open = false): Page {
  return async (main, params, query, signal) => {
    const [mod, who] = await Promise.all([load(), open ? null : whoAmI()]);
    if (signal.aborted) return; // left while the page's code was loading
    if (!open && !who) {
      navigate(loginPath(), true);
      return;
    }
    return mod.default(main, params, query, signal);
  };
}

route(
  "/",
  "Tổng quan",
  lazy(() => import("./pages/dashboard")),
);
route(
  "/hoat-dong",
  "Hoạt động truyền thông",
  lazy(() => import("./pages/activities")),
);
route(
  "/hoat-dong/moi",
  "Nhập hoạt động",
  lazy(() => import("./pages/activityForm")),
);
route(
  "/hoat-dong/:id",
  "Sửa hoạt động",
  lazy(() => import("./pages/activityForm")),
);
route(
  "/ke-hoach",
  "Kế hoạch, chỉ tiêu",
  lazy(() => import("./pages/plans")),
);
route(
  "/ket-qua",
  "Kết quả phát triển người tham gia",
  lazy(() => import("./pages/results")),
);
route(
  "/bao-cao",
  "Báo cáo",
  lazy(() => import("./pages/reports")),
);
route(
  "/duyet-thang",
  "Duyệt số liệu tháng",
  lazy(() => import("./pages/approvals")),
);
route(
  "/danh-muc",
  "Danh mục",
  lazy(() => import("./pages/referenceLists")),
);
route(
  "/hoi-dap",
  "Hỏi đáp chính sách",
  lazy(() => import("./pages/qa"), true),
);
route(
  "/hoi-dap/quan-ly",
  "Quản lý hỏi đáp",
  lazy(() => import("./pages/qaStaff")),
);
route(
  "/dang-nhap",
  "Đăng nhập",
  lazy(() => import("./pages/login"), true),
);
route(
  "/khoi-tao",
  "Khởi tạo hệ thống",
  lazy(() => import("./pages/setup"), true),
);

// A session that ended while a staff page was open: sign in again and come back.
whenLoginRequired(() => {
  expired();
  if (!location.pathname.startsWith("/dang-nhap") && location.pathname !== "/hoi-dap" && location.pathname !== "/khoi-tao") navigate(loginPath(), true);
});

const links = new Map<string, HTMLAnchorElement>();
const sidenav = h("nav", { class: "sidenav", id: "sidenav", "aria-label": "Điều hướng chính", "data-testid": "sidenav" });
const list = h("ul");
// Until the server has answered, the menu is the public one: a staff page never flashes to a
// visitor, and staff see theirs a moment later.
function drawNav(u: User | null) {
  const staff = Boolean(u) && u?.role !== "public";
  links.clear();
  list.replaceChildren();
  let lastGroup = "";
  for (const item of nav) {
    if (item.show === (staff ? "public" : "staff")) continue;
    if (item.only && !item.only(u)) continue;
    if (item.group !== lastGroup) {
      list.append(h("li", { class: "nav-group", "aria-hidden": "true" }, item.group));
      lastGroup = item.group;
    }
    const a = h("a", { href: item.path, "data-link": true }, item.label);
    if (item.notices) a.append(noticeBadge);
    if (item.path === location.pathname) a.setAttribute("aria-current", "page");
    links.set(item.path, a);
    list.append(h("li", null, a));
  }
}
// The menu entry's count of unread notices; the same element moves with each redraw of the menu.
const noticeBadge = h("span", { class: "nav-count", "data-testid": "notice-count", hidden: true });
function showCount(n: number) {
  noticeBadge.textContent = String(n);
  noticeBadge.hidden = n === 0;
  noticeBadge.setAttribute("aria-label", `${n} thông báo mới`);
}
onNoticeCount(showCount);
showCount(noticeCount());
drawNav(null);
sidenav.append(list);

const toggle = h(
  "button",
  {
    class: "menu-toggle secondary on-dark",
    "aria-controls": "sidenav",
    "aria-expanded": "false",
    onclick: () => {
      const open = sidenav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", String(open));
    },
  },
  "☰ Danh mục",
);

const main = h("main", { id: "main", tabindex: "-1" });
const userBox = h("div", { class: "userbox", "data-testid": "userbox" });
const brand = h(
  "a",
  { class: "brand", href: "/hoi-dap", "data-link": true },
  h("span", { class: "brand-mark", "aria-hidden": "true" }, "BH"),
  h(
    "span",
    { class: "brand-text" },
    h("strong", null, "BẢO HIỂM XÃ HỘI VIỆT NAM"),
    h("span", null, "Hệ thống quản lý công tác truyền thông chính sách BHXH, BHYT, BHTN"),
  ),
);
onUser((u) => {
  // An account of role "public" (a citizen's) is no staff: it gets the public menu.
  const staff = Boolean(u) && u?.role !== "public";
  drawNav(u);
  void refreshNotices(u);
  // The emblem leads a visitor to the public chat, staff to their dashboard.
  brand.setAttribute("href", staff ? "/" : "/hoi-dap");
  userBox.replaceChildren(
    ...(u
      ? [
          h(
            "span",
            { class: "user-name" },
            h("strong", null, u.full_name || u.username),
            h("span", null, [u.role_label, u.unit_name].filter(Boolean).join(" — ")),
          ),
          h(
            "button",
            {
              type: "button",
              class: "secondary on-dark",
              onclick: async () => {
                await logout();
                navigate("/dang-nhap");
              },
            },
            "Đăng xuất",
          ),
        ]
      : [h("a", { class: "btn secondary on-dark", href: "/dang-nhap", "data-link": true }, "Đăng nhập")]),
  );
});
document
  .getElementById("app")!
  .append(
    h("header", { class: "topbar" }, h("div", { class: "topbar-inner" }, brand, userBox, toggle)),
    h(
      "div",
      { class: "layout" },
      sidenav,
      h(
        "div",
        { style: { minWidth: "0" } },
        noticeBox,
        main,
        h("footer", { class: "footer" }, "Cầu nối — dữ liệu minh họa phục vụ điều hành công tác truyền thông."),
      ),
    ),
  );

void whoAmI();
start(main, (path) => {
  for (const [p, a] of links) {
    if (p === path) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  sidenav.classList.remove("open");
  toggle.setAttribute("aria-expanded", "false");
});
