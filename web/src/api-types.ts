// api-types.ts — GENERATED from data/api/openapi.json by `npm run api-types` (web/api-types.mjs, openapi-typescript).
// Do not edit by hand: change the document and run the script again; make test (ctest web_api_types) fails while they differ.
export interface paths {
  "/healthz": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Máy chủ và cơ sở dữ liệu còn chạy */
    get: operations["health"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tài liệu OpenAPI này */
    get: operations["openapi"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/geo/provinces": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ranh giới các tỉnh (GeoJSON) */
    get: operations["geoProvinces"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/places": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các đơn vị con của một đơn vị */
    get: operations["listPlaces"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/places/search": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tìm đơn vị theo tên */
    get: operations["searchPlaces"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/places/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một đơn vị, cấp trên và đơn vị tiền thân */
    get: operations["getPlace"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/periods/parse": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Đọc một kỳ báo cáo */
    get: operations["parsePeriod"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đăng nhập (cookie phiên + mã CSRF) */
    post: operations["login"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/setup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cơ sở dữ liệu còn chờ quản trị viên đầu tiên không */
    get: operations["setupState"];
    put?: never;
    /** Tạo quản trị viên đầu tiên bằng mã dùng một lần */
    post: operations["setup"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/logout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đăng xuất */
    post: operations["logout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Người đang đăng nhập */
    get: operations["me"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/password": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đổi mật khẩu của mình */
    post: operations["changeOwnPassword"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các mã API của mình */
    get: operations["listTokens"];
    put?: never;
    /** Tạo mã API */
    post: operations["createToken"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/tokens/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Thu hồi mã API */
    delete: operations["revokeToken"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các tài khoản (quản trị) */
    get: operations["listUsers"];
    put?: never;
    /** Tạo tài khoản */
    post: operations["createUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một tài khoản */
    get: operations["getUser"];
    /** Sửa tài khoản */
    put: operations["updateUser"];
    post?: never;
    /** Vô hiệu hóa tài khoản */
    delete: operations["disableUser"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}/password": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đặt mật khẩu cho tài khoản */
    post: operations["setUserPassword"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nhật ký kiểm tra (quản trị) */
    get: operations["audit"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/approvals": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Trạng thái duyệt các tháng của một cây đơn vị */
    get: operations["listApprovals"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/approvals/lock": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Số liệu của một đơn vị vào một ngày có bị khóa không */
    get: operations["approvalLock"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/approvals/notices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Thông báo chưa xem của người dùng: các tháng của đơn vị mình vừa được duyệt hoặc bị trả lại (60 ngày gần nhất) */
    get: operations["approvalNotices"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/approvals/notices/seen": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đánh dấu đã xem một thông báo của chính mình (chỉ tháng của đơn vị mình) */
    post: operations["approvalNoticeSeen"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/approvals/submit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Gửi duyệt một tháng */
    post: operations["approvalSubmit"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/approvals/approve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Duyệt */
    post: operations["approvalApprove"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/approvals/return": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trả lại */
    post: operations["approvalReturn"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/approvals/reopen": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mở lại tháng đã duyệt */
    post: operations["approvalReopen"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/ask": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hỏi đáp tự động (không cần đăng nhập) */
    post: operations["ask"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/queue": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Câu hỏi chờ cán bộ */
    get: operations["qaQueue"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/queue/{id}/answer": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trả lời câu hỏi chờ bằng một mục mới */
    post: operations["qaAnswerQueued"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/queue/{id}/phrasing": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Câu này hỏi về mục … (thêm cách hỏi) */
    post: operations["qaQueuedToPhrasing"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/queue/{id}/example": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Câu này là yêu cầu tra cứu hồ sơ / ngoài phạm vi (thêm câu mẫu) */
    post: operations["qaQueuedToExample"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/queue/{id}/close": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đóng yêu cầu hồ sơ riêng đã trả lời trực tiếp */
    post: operations["qaCloseQueued"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/entries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ngân hàng hỏi đáp */
    get: operations["qaEntries"];
    put?: never;
    /** Thêm mục hỏi đáp */
    post: operations["qaCreateEntry"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/entries/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một mục hỏi đáp */
    get: operations["qaEntry"];
    /** Phiên bản mới của một mục */
    put: operations["qaUpdateEntry"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/entries/{id}/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mọi phiên bản của một mục */
    get: operations["qaEntryHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/import": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Nhập ngân hàng hỏi đáp (JSONL), tất cả hoặc không */
    post: operations["qaImport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/qa/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Xuất ngân hàng hỏi đáp (JSONL) */
    get: operations["qaExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics/indicators": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh mục chỉ số */
    get: operations["indicators"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Giá trị một chỉ số theo đơn vị và kỳ */
    get: operations["analytics"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics/ranking": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Xếp hạng các đơn vị theo một chỉ số */
    get: operations["ranking"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plans/measures": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh mục chỉ số kết quả tham gia */
    get: operations["measures"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plans/targets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chỉ tiêu kế hoạch */
    get: operations["listTargets"];
    put?: never;
    /** Ghi một chỉ tiêu (201) hoặc một lô {targets: […]} (200) */
    post: operations["putTargets"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plans/targets/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Xóa một chỉ tiêu */
    delete: operations["deleteTarget"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plans/targets/import": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Nhập chỉ tiêu từ CSV/XLSX, tất cả hoặc không */
    post: operations["importTargets"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plans/results": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Kết quả tham gia */
    get: operations["listResults"];
    put?: never;
    /** Ghi một kết quả (201) hoặc một lô {results: […]} (200) */
    post: operations["putResults"];
    /** Xóa kết quả của một đơn vị trong một kỳ */
    delete: operations["deleteResult"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plans/results/import": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Nhập kết quả từ CSV/XLSX, tất cả hoặc không */
    post: operations["importResults"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Báo cáo (lời văn và bảng) */
    get: operations["report"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reports/xlsx": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Báo cáo dạng XLSX */
    get: operations["reportXlsx"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reports/docx": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Báo cáo dạng văn bản Word (Nghị định 30/2020/NĐ-CP) */
    get: operations["reportDocx"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/activities": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sổ hoạt động, lọc và phân trang */
    get: operations["listActivities"];
    put?: never;
    /** Thêm hoạt động */
    post: operations["createActivity"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/activities/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Xuất sổ hoạt động (CSV hoặc XLSX) */
    get: operations["exportActivities"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/activities/template": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mẫu XLSX trống để nhập hoạt động */
    get: operations["activityTemplate"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/activities/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một hoạt động */
    get: operations["getActivity"];
    /** Sửa hoạt động (thay cả hoạt động) */
    put: operations["updateActivity"];
    post?: never;
    /** Xóa hoạt động */
    delete: operations["deleteActivity"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/activities/{id}/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các phiên bản của một hoạt động */
    get: operations["activityHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/imports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Nhập hoạt động từ CSV/XLSX (chạy nền) */
    post: operations["startImport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/imports/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tiến độ một lượt nhập */
    get: operations["importProgress"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reference": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các danh mục của sổ hoạt động */
    get: operations["reference"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reference/{list}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Thêm một mục vào danh mục (quản trị) */
    post: operations["addReference"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Lỗi: mã HTTP + mã máy + thông báo tiếng Việt; fields chỉ ra trường (hoặc dòng) sai. */
    Error: {
      error: {
        /** @description Mã lỗi ổn định cho máy đọc, ví dụ unit_not_found */
        code: string;
        /** @description Thông báo tiếng Việt cho người dùng */
        message: string;
        fields?: components["schemas"]["FieldError"][];
      };
    };
    FieldError: {
      field: string;
      message: string;
      /** @description Dòng dữ liệu (từ 1) của tệp nhập */
      row?: number;
    };
    Ok: {
      /** @enum {boolean} */
      ok: true;
    };
    Health: {
      /** @enum {string} */
      status: "ok" | "degraded";
    };
    /** @description Một đơn vị hành chính (places/gazetteer.h) */
    Place: {
      /** @description Mã đơn vị: "VN", "15" (tỉnh hiện nay), "old:15" (trước 01/07/2025) */
      id: string;
      code: string;
      name: string;
      full_name: string;
      /** @description Tỉnh, Thành phố, Xã, Phường… */
      type: string;
      /** @description 0 toàn quốc, 1 tỉnh, 2 huyện (thời cũ), 3 xã */
      level: number;
      /** @enum {string} */
      era: "current" | "old";
      parent_id: string;
      display_name: string;
      valid_from: string | null;
      valid_to: string | null;
      /** @description Đơn vị cũ: các đơn vị mới kế thừa */
      successors?: string[];
      part_of_today?: {
        id: string;
        full_name: string;
      };
      /** @description Xã cũ bị chia: các đơn vị nhận "một phần" */
      also_part_of?: {
        id: string;
        full_name: string;
        note: string;
      }[];
    };
    /** @description Một đơn vị với cấp trên và các đơn vị tiền thân */
    PlaceDetail: {
      /** @description Mã đơn vị: "VN", "15" (tỉnh hiện nay), "old:15" (trước 01/07/2025) */
      id: string;
      code: string;
      name: string;
      full_name: string;
      /** @description Tỉnh, Thành phố, Xã, Phường… */
      type: string;
      /** @description 0 toàn quốc, 1 tỉnh, 2 huyện (thời cũ), 3 xã */
      level: number;
      /** @enum {string} */
      era: "current" | "old";
      parent_id: string;
      display_name: string;
      valid_from: string | null;
      valid_to: string | null;
      /** @description Đơn vị cũ: các đơn vị mới kế thừa */
      successors?: string[];
      part_of_today?: {
        id: string;
        full_name: string;
      };
      /** @description Xã cũ bị chia: các đơn vị nhận "một phần" */
      also_part_of?: {
        id: string;
        full_name: string;
        note: string;
      }[];
      /** @description Cấp trên, cấp gần nhất trước */
      ancestors: components["schemas"]["Place"][];
      children_count: number;
      /** @description Các đơn vị cũ mà số liệu trước 01/07/2025 của đơn vị này bao gồm */
      predecessors: components["schemas"]["Place"][];
      /** @description Các xã cũ bị chia mà đơn vị này nhận "một phần" địa bàn; số liệu trước 01/07/2025 của chúng tính vào đơn vị khác (counted_in) */
      partial_predecessors: {
        id: string;
        full_name: string;
        display_name: string;
        /** @description Đơn vị mới mà số liệu trước 01/07/2025 của xã cũ được tính vào */
        counted_in: {
          id: string;
          full_name: string;
        };
        /** @enum {string} */
        note: "một phần";
      }[];
      before_reform?: string;
    };
    PlaceList: {
      items: components["schemas"]["Place"][];
      count: number;
    };
    /** @description Một kỳ báo cáo */
    PeriodOne: {
      code: string;
      /** @enum {string} */
      kind: "month" | "quarter" | "year" | "year_to_date" | "range";
      /** @description Ngày đầu (ISO) */
      from: string;
      /** @description Ngày cuối (ISO) */
      to: string;
      label_vi: string;
      lead_vi: string;
    };
    /** @description Kỳ báo cáo và kỳ cùng kỳ năm trước */
    Period: {
      code: string;
      /** @enum {string} */
      kind: "month" | "quarter" | "year" | "year_to_date" | "range";
      /** @description Ngày đầu (ISO) */
      from: string;
      /** @description Ngày cuối (ISO) */
      to: string;
      label_vi: string;
      lead_vi: string;
      last_year: components["schemas"]["PeriodOne"];
    };
    /** @description Tài khoản */
    User: {
      id: number;
      username: string;
      full_name: string;
      /** @enum {string} */
      role: "admin" | "leader" | "central_staff" | "province_staff" | "commune_staff" | "collaborator" | "public";
      role_label: string;
      /** @description Các việc vai trò được làm trên số liệu của đơn vị (bảng phân quyền): menu chỉ hiện trang người dùng được dùng */
      may: ("read" | "write" | "import" | "export" | "report" | "approve" | "curate" | "admin")[];
      unit_id: string;
      active: boolean;
      /** @description Giây Unix */
      created_at: number;
      updated_at: number;
      unit_name?: string;
    };
    UserList: {
      users: components["schemas"]["User"][];
    };
    Session: {
      user: components["schemas"]["User"];
      /** @description Gửi lại trong X-CSRF-Token với mọi POST, PUT, DELETE */
      csrf_token: string;
      expires_at: number;
    };
    Me: {
      user: components["schemas"]["User"];
      csrf_token?: string;
    };
    SetupState: {
      /** @description Cơ sở dữ liệu chưa có quản trị viên nào */
      needed: boolean;
    };
    SetupDone: {
      user: components["schemas"]["User"];
    };
    PasswordChanged: {
      ok: boolean;
      /** @description Phải đăng nhập lại (gọi bằng mã API) */
      relogin: boolean;
      csrf_token?: string;
    };
    /** @description Mã truy cập API của chính người dùng */
    ApiToken: {
      id: number;
      name: string;
      created_at: number;
      /** @description 0 = không hết hạn */
      expires_at: number;
      revoked: boolean;
    };
    NewApiToken: {
      id: number;
      name: string;
      created_at: number;
      /** @description 0 = không hết hạn */
      expires_at: number;
      revoked: boolean;
      /** @description Chỉ hiện một lần */
      token: string;
    };
    TokenList: {
      tokens: components["schemas"]["ApiToken"][];
    };
    AuditEntry: {
      id: number;
      /** @description Giây Unix (UTC) */
      at: number;
      user_id: number;
      username: string;
      remote: string;
      action: string;
      entity: string;
      unit_id: string;
      status: number;
      /** @description JSON bất kỳ (hoặc chuỗi), null khi không có */
      before: unknown;
      /** @description JSON bất kỳ (hoặc chuỗi), null khi không có */
      after: unknown;
      /** @description JSON bất kỳ (hoặc chuỗi), null khi không có */
      request: unknown;
    };
    AuditPage: {
      total: number;
      entries: components["schemas"]["AuditEntry"][];
    };
    /** @description Trạng thái duyệt một tháng của một đơn vị */
    Approval: {
      unit_id: string;
      /** @description Tháng, dạng 2025-10 */
      period: string;
      /** @enum {string} */
      state: "submitted" | "approved" | "returned" | "reopened";
      submitted_by: string;
      submitted_at: number;
      decided_by: string;
      decided_at: number;
      reason: string;
      unit_name?: string;
    };
    ApprovalList: {
      approvals: components["schemas"]["Approval"][];
    };
    ApprovalLock: {
      locked: boolean;
      approval?: components["schemas"]["Approval"];
    };
    /** @description Quyết định của cấp trên về các tháng của đơn vị người dùng mà người đó chưa đánh dấu đã xem, mới nhất trước */
    ApprovalNotices: {
      notices: components["schemas"]["Approval"][];
    };
    /** @description Thông báo đã xem: một quyết định (đơn vị, tháng, trạng thái, thời điểm) */
    ApprovalNoticeSeen: {
      unit_id: string;
      /** @description Tháng, dạng 2025-10 */
      period: string;
      /** @enum {string} */
      state: "approved" | "returned";
      /** @description Thời điểm quyết định (giây từ 1970), như trong thông báo */
      decided_at: number;
    };
    ApprovalNoticeSeenResult: {
      seen: boolean;
    };
    /** @description Trả lời cho một ý hỏi */
    QaAnswer: {
      /** @description Câu (hoặc các câu) được trả lời */
      ask: string;
      answered: boolean;
      /** @description Mục hỏi đáp trả lời, null khi không trả lời được */
      id: string | null;
      question: string;
      answer: string;
      legal_basis: string;
      confidence: number;
      related: {
        id: string;
        question: string;
      }[];
    };
    /** @description Kết quả hỏi đáp tự động; các trường của ý hỏi đầu tiên cũng ở mức trên cùng */
    QaAsk: {
      answered: boolean;
      /** @description Mục hỏi đáp trả lời, null khi không trả lời được */
      id: string | null;
      question: string;
      answer: string;
      legal_basis: string;
      confidence: number;
      related: {
        id: string;
        question: string;
      }[];
      /** @description Hỏi về hồ sơ của chính người hỏi: chuyển cán bộ */
      own_case: boolean;
      asks: components["schemas"]["QaAnswer"][];
      /** @description Lời chuyển cho cán bộ khi chưa trả lời được */
      message: string;
      queue_id: number | null;
    };
    QaQueueItem: {
      id: number;
      /**
       * @description "question": ngân hàng chưa có câu trả lời; "case": hỏi về hồ sơ riêng
       * @enum {string}
       */
      kind: "question" | "case";
      /** @description Chỉ người biên tập thấy */
      contact: string | null;
      question: string;
      asked_at: string;
      best_id: string | null;
      confidence: number;
      /** @enum {string} */
      status: "open" | "answered" | "closed";
      entry_id: string | null;
      answered_by: string;
      answered_at: string;
    };
    QaQueue: {
      items: components["schemas"]["QaQueueItem"][];
    };
    /** @description Một mục của ngân hàng hỏi đáp */
    QaEntry: {
      id: string;
      topic: string;
      question: string;
      alt_questions: string[];
      answer: string;
      legal_basis: string;
      tags: string[];
      phrasings: string[];
      valid_from?: string;
      valid_to?: string;
      /** @enum {string} */
      status: "draft" | "published" | "retired";
      version: number;
      updated_by: string;
      updated_at: string;
    };
    QaEntryList: {
      items: components["schemas"]["QaEntry"][];
    };
    QaImported: {
      created: number;
      updated: number;
      unchanged: number;
      /** @description Câu mẫu chuyển cán bộ được thêm */
      examples: number;
    };
    Indicator: {
      code: string;
      label: string;
      /** @description Đơn vị đo */
      unit: string;
      /** @enum {string} */
      source: "activity" | "participation";
      category: string;
      /** @description Chỉ số dạng tỷ lệ (%) */
      rate: boolean;
      decimals: number;
    };
    IndicatorList: {
      indicators: components["schemas"]["Indicator"][];
    };
    /** @description Giá trị một chỉ số, cùng kỳ năm trước và kế hoạch */
    Figure: {
      value: number | null;
      previous: number | null;
      target: number | null;
      pct_of_plan: number | null;
      ratio: number | null;
      change_pct?: number;
      change_text?: string;
      /** @description Tháng của số liệu (chỉ số thời điểm) */
      as_of?: string;
      previous_as_of?: string;
    };
    AnalyticsRow: {
      value: number | null;
      previous: number | null;
      target: number | null;
      pct_of_plan: number | null;
      ratio: number | null;
      change_pct?: number;
      change_text?: string;
      /** @description Tháng của số liệu (chỉ số thời điểm) */
      as_of?: string;
      previous_as_of?: string;
      key: string;
      label: string;
    };
    RankingRow: {
      value: number | null;
      previous: number | null;
      target: number | null;
      pct_of_plan: number | null;
      ratio: number | null;
      change_pct?: number;
      change_text?: string;
      /** @description Tháng của số liệu (chỉ số thời điểm) */
      as_of?: string;
      previous_as_of?: string;
      rank: number;
      key: string;
      label: string;
      display_name: string;
    };
    AnalyticsResult: {
      indicator: components["schemas"]["Indicator"];
      unit: components["schemas"]["Place"];
      period: components["schemas"]["Period"];
      by: string;
      compare: boolean;
      /** @enum {string} */
      data: "all" | "approved";
      total: components["schemas"]["Figure"];
      rows: components["schemas"]["AnalyticsRow"][];
      elapsed_ms: number;
    };
    Ranking: {
      indicator: components["schemas"]["Indicator"];
      period: components["schemas"]["Period"];
      /** @enum {string} */
      sort: "value" | "pct_of_plan" | "change";
      /** @enum {string} */
      data: "all" | "approved";
      rows: components["schemas"]["RankingRow"][];
      elapsed_ms: number;
    };
    Measure: {
      code: string;
      label_vi: string;
      column_vi: string;
    };
    MeasureList: {
      measures: components["schemas"]["Measure"][];
    };
    /** @description Chỉ tiêu kế hoạch năm */
    Target: {
      id: number;
      unit_id: string;
      year: number;
      indicator: string;
      group: string;
      value: number;
      note: string;
    };
    TargetList: {
      targets: components["schemas"]["Target"][];
    };
    TargetDeleted: {
      /** @description Số chỉ tiêu đã xóa */
      deleted: number;
    };
    /** @description Kết quả tham gia của một đơn vị trong một kỳ */
    Result: {
      unit_id: string;
      period: string;
      as_of: string;
      values: {
        measure: string;
        group: string;
        value: number;
      }[];
    };
    ResultList: {
      results: components["schemas"]["Result"][];
    };
    Written: {
      /** @description Số bản ghi đã ghi */
      written: number;
    };
    FileImported: {
      rows: number;
      written: number;
    };
    /** @description Báo cáo của một đơn vị trong một kỳ */
    Report: {
      title: string;
      unit: {
        id: string;
        name: string;
        display_name: string;
      };
      period: {
        code: string;
        label_vi: string;
      };
      compare: boolean;
      /** @enum {string} */
      data: "all" | "approved";
      data_note: string;
      narrative: string;
      sections: {
        id: string;
        title: string;
        columns: {
          title: string;
          /** @enum {string} */
          kind: "text" | "integer" | "decimal" | "percent";
        }[];
        rows: {
          key: string;
          label: string;
          unit: string;
          value: number | null;
          previous: number | null;
          target: number | null;
          pct_of_plan: number | null;
          ratio: number | null;
          change_text: string;
        }[];
        cells: (number | string | null)[][];
        cells_vi: string[][];
        note: string;
      }[];
      /** @description Đơn vị hiện nay gồm những gì trước 01/07/2025 (khi kỳ báo cáo có phần trước ngày đó) */
      reform_note?: string;
    };
    /** @description Một hoạt động truyền thông */
    Activity: {
      id: number;
      /** @description Đơn vị báo cáo */
      reporting_unit: string;
      /** @description Nơi diễn ra (mã đơn vị) */
      place: string;
      place_name: string;
      /** @description Tỉnh của nơi diễn ra (rỗng với tỉnh, toàn quốc) */
      place_province: string;
      date_from: string;
      date_to: string;
      kind: string;
      kind_label: string;
      channel: string;
      groups: string[];
      topics: string[];
      languages: string[];
      partners: string[];
      /** @description Mã chỉ số → số nguyên */
      figures: {
        [key: string]: number;
      };
      title: string;
      note: string;
      external_ref: string;
      created_by: string;
      created_at: string;
      updated_by: string;
      updated_at: string;
      version: number;
      deleted: boolean;
    };
    ActivityPage: {
      items: components["schemas"]["Activity"][];
      total: number;
      offset: number;
      limit: number;
    };
    ActivityHistory: {
      items: components["schemas"]["Activity"][];
    };
    ActivityDeleted: {
      id: number;
      deleted: boolean;
    };
    /** @description Hoạt động gửi lên (POST, PUT) */
    ActivityInput: {
      place: string;
      reporting_unit?: string;
      date_from?: string;
      /** @description Thay cho date_from */
      date?: string;
      date_to?: string;
      kind: string;
      channel?: string;
      groups?: string[];
      topics?: string[];
      languages?: string[];
      partners?: string[];
      figures?: {
        [key: string]: number;
      };
      title?: string;
      note?: string;
      external_ref?: string;
    };
    ImportStarted: {
      id: number;
      /** @enum {string} */
      state: "queued";
    };
    /** @description Tiến độ một lượt nhập tệp */
    ImportJob: {
      id: number;
      /** @enum {string} */
      state: "queued" | "running" | "done" | "failed";
      filename: string;
      unit: string;
      rows_total: number;
      /** @description Số dòng đã kiểm tra */
      rows_done: number;
      /** @enum {string} */
      phase: "checking" | "writing";
      rows_to_write: number;
      rows_written: number;
      inserted: number;
      skipped: number;
      error_count: number;
      errors: {
        row: number;
        column: string;
        message: string;
      }[];
      message: string;
    };
    ReferenceEntry: {
      code: string;
      label: string;
      category?: string;
    };
    /** @description Một loại hoạt động: các số liệu và kênh hợp với nó */
    ReferenceKind: {
      code: string;
      label: string;
      category?: string;
      figures: string[];
      channels: string[];
    };
    /** @description Các danh mục của sổ hoạt động, nhãn tiếng Việt */
    Reference: {
      kinds: components["schemas"]["ReferenceKind"][];
      figures: components["schemas"]["ReferenceEntry"][];
      groups: components["schemas"]["ReferenceEntry"][];
      topics: components["schemas"]["ReferenceEntry"][];
      languages: components["schemas"]["ReferenceEntry"][];
      channels: components["schemas"]["ReferenceEntry"][];
      partners: components["schemas"]["ReferenceEntry"][];
    };
    LoginInput: {
      username: string;
      password: string;
    };
    SetupInput: {
      /** @description Mã dùng một lần do `caunoi serve` in ra */
      token: string;
      username: string;
      full_name: string;
      password: string;
    };
    PasswordInput: {
      old_password: string;
      new_password: string;
    };
    TokenInput: {
      name: string;
      ttl_days?: number;
    };
    NewUserInput: {
      username: string;
      full_name?: string;
      /** @enum {string} */
      role: "admin" | "leader" | "central_staff" | "province_staff" | "commune_staff" | "collaborator" | "public";
      unit_id: string;
      password: string;
    };
    UserPatch: {
      full_name?: string;
      /** @enum {string} */
      role?: "admin" | "leader" | "central_staff" | "province_staff" | "commune_staff" | "collaborator" | "public";
      unit_id?: string;
      active?: boolean;
      unlock?: boolean;
    };
    NewPasswordInput: {
      password: string;
    };
    ApprovalStep: {
      unit_id: string;
      /** @description Tháng, dạng 2025-10 */
      period: string;
      /** @description Lý do (trả lại, mở lại) */
      reason?: string;
    };
    QaAskInput: {
      question: string;
      contact?: string | null;
    };
    QaEntryInput: {
      id: string;
      topic?: string;
      question: string;
      alt_questions?: string[];
      answer: string;
      legal_basis?: string;
      tags?: string[];
      phrasings?: string[];
      valid_from?: string;
      valid_to?: string;
      /** @enum {string} */
      status?: "draft" | "published" | "retired";
    };
    /** @description Phiên bản mới của một mục; id lấy từ đường dẫn */
    QaEntryUpdate: {
      id?: string;
      topic?: string;
      question: string;
      alt_questions?: string[];
      answer: string;
      legal_basis?: string;
      tags?: string[];
      phrasings?: string[];
      valid_from?: string;
      valid_to?: string;
      /** @enum {string} */
      status?: "draft" | "published" | "retired";
    };
    /** @description Mục mới trả lời câu hỏi chờ; câu hỏi mặc định là câu đang chờ */
    QaQueueAnswer: {
      id: string;
      topic?: string;
      question?: string;
      alt_questions?: string[];
      answer: string;
      legal_basis?: string;
      tags?: string[];
      phrasings?: string[];
      valid_from?: string;
      valid_to?: string;
      /** @enum {string} */
      status?: "draft" | "published" | "retired";
    };
    PhrasingInput: {
      entry_id: string;
    };
    HandoffExampleInput: {
      /** @enum {string} */
      kind: "own_case" | "out_of_scope";
    };
    TargetInput:
      | {
          unit_id?: string;
          unit?: string;
          year: number;
          indicator: string;
          group?: string;
          value: number;
          note?: string;
        }
      | {
          targets: {
            unit_id?: string;
            unit?: string;
            year: number;
            indicator: string;
            group?: string;
            value: number;
            note?: string;
          }[];
        };
    ResultInput:
      | {
          unit_id?: string;
          unit?: string;
          period: string;
          values:
            | {
                measure: string;
                group?: string;
                value: number;
              }[]
            | {
                [key: string]: number;
              };
        }
      | {
          results: {
            unit_id?: string;
            unit?: string;
            period: string;
            values:
              | {
                  measure: string;
                  group?: string;
                  value: number;
                }[]
              | {
                  [key: string]: number;
                };
          }[];
        };
    ReferenceEntryInput: {
      code: string;
      label: string;
      category?: string;
      figures?: string[];
      channels?: string[];
    };
  };
  responses: {
    /** @description Lỗi (mã HTTP theo loại lỗi) */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Health"];
        };
      };
      400: components["responses"]["Error"];
      500: components["responses"]["Error"];
      /** @description Cơ sở dữ liệu không trả lời */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Health"];
        };
      };
    };
  };
  openapi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tài liệu OpenAPI 3.1 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": Record<string, never>;
        };
      };
      400: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  geoProvinces: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description FeatureCollection */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/geo+json": {
            /** @enum {string} */
            type: "FeatureCollection";
            features: unknown[];
          };
        };
      };
      400: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  listPlaces: {
    parameters: {
      query?: {
        /** @description Đơn vị cha (mặc định VN) */
        parent?: string;
        /** @description current (mặc định) hoặc old: 63 tỉnh trước 07/2025 */
        era?: "current" | "old";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlaceList"];
        };
      };
      400: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  searchPlaces: {
    parameters: {
      query: {
        /** @description Tên cần tìm (có hoặc không dấu) */
        q: string;
        /** @description Số kết quả tối đa (1–200, mặc định 20) */
        limit?: number;
        /** @description current hoặc old */
        era?: "current" | "old";
        /** @description Chỉ các đơn vị nằm trong đơn vị này (hiện nay) */
        within?: string;
        /** @description Chỉ các đơn vị có hiệu lực vào ngày này */
        on?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlaceList"];
        };
      };
      400: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  getPlace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã đơn vị */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlaceDetail"];
        };
      };
      400: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  parsePeriod: {
    parameters: {
      query: {
        /** @description Kỳ: 2025-10, 2025-Q3, 2025, 2025-01..2025-10… */
        p: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Period"];
        };
      };
      400: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LoginInput"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      415: components["responses"]["Error"];
      423: components["responses"]["Error"];
      429: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  setupState: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SetupState"];
        };
      };
      400: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  setup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SetupInput"];
      };
    };
    responses: {
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SetupDone"];
        };
      };
      400: components["responses"]["Error"];
      403: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Ok"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Me"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  changeOwnPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasswordInput"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PasswordChanged"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  listTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TokenList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  createToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TokenInput"];
      };
    };
    responses: {
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["NewApiToken"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  revokeToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số mã */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Ok"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  listUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UserList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewUserInput"];
      };
    };
    responses: {
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số tài khoản */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số tài khoản */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UserPatch"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  disableUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số tài khoản */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  setUserPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số tài khoản */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewPasswordInput"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Ok"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  audit: {
    parameters: {
      query?: {
        /** @description Từ (giây Unix) */
        from?: number;
        /** @description Đến (giây Unix) */
        to?: number;
        /** @description Tên đăng nhập */
        user?: string;
        /** @description Tiền tố hành động */
        action?: string;
        /** @description Tiền tố đối tượng */
        entity?: string;
        /** @description Đơn vị */
        unit?: string;
        /** @description csv: tải tệp CSV */
        format?: "json" | "csv";
        /** @description Số dòng (tối đa 1000) */
        limit?: number;
        /** @description Bỏ qua */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Một trang nhật ký, hoặc cả lựa chọn ở dạng CSV (format=csv) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AuditPage"];
          "text/csv": string;
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  listApprovals: {
    parameters: {
      query?: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Tháng, dạng 2025-10 */
        period?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApprovalList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  approvalLock: {
    parameters: {
      query: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Ngày */
        date: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApprovalLock"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  approvalNotices: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApprovalNotices"];
        };
      };
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  approvalNoticeSeen: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ApprovalNoticeSeen"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApprovalNoticeSeenResult"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  approvalSubmit: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ApprovalStep"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Approval"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  approvalApprove: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ApprovalStep"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Approval"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  approvalReturn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ApprovalStep"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Approval"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  approvalReopen: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ApprovalStep"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Approval"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  ask: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["QaAskInput"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaAsk"];
        };
      };
      400: components["responses"]["Error"];
      403: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaQueue: {
    parameters: {
      query?: {
        /** @description open (mặc định), answered, closed */
        status?: "open" | "answered" | "closed";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaQueue"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaAnswerQueued: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số câu hỏi chờ */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["QaQueueAnswer"];
      };
    };
    responses: {
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaEntry"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaQueuedToPhrasing: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số câu hỏi chờ */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PhrasingInput"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaEntry"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaQueuedToExample: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số câu hỏi chờ */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["HandoffExampleInput"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaQueueItem"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaCloseQueued: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số câu hỏi chờ */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaQueueItem"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaEntries: {
    parameters: {
      query?: {
        /** @description draft, published hoặc retired */
        status?: "draft" | "published" | "retired";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaEntryList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaCreateEntry: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["QaEntryInput"];
      };
    };
    responses: {
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaEntry"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaEntry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã mục */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaEntry"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaUpdateEntry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã mục */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["QaEntryUpdate"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaEntry"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaEntryHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã mục */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaEntryList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaImport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/x-ndjson": string;
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["QaImported"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      413: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  qaExport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Mỗi dòng một mục */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/x-ndjson": string;
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  indicators: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IndicatorList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  analytics: {
    parameters: {
      query: {
        /** @description Mã chỉ số */
        indicator: string;
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Kỳ: 2025-10, 2025-Q3, 2025, 2025-01..2025-10… */
        period: string;
        /** @description Chia theo */
        by?: "children" | "period" | "kind" | "group" | "topic" | "language" | "channel";
        /** @description last-year: so với cùng kỳ năm trước */
        compare?: string;
        /** @description Nhóm đối tượng */
        group?: string;
        /** @description old: các tỉnh cũ */
        era?: "current" | "old";
        /** @description all (mặc định) hoặc approved: chỉ các tháng đã duyệt */
        data?: "all" | "approved";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AnalyticsResult"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  ranking: {
    parameters: {
      query: {
        /** @description Mã chỉ số */
        indicator: string;
        /** @description Kỳ: 2025-10, 2025-Q3, 2025, 2025-01..2025-10… */
        period: string;
        /** @description Đơn vị cha (mặc định VN) */
        parent?: string;
        /** @description province (mặc định) hoặc commune */
        level?: "province" | "commune";
        /** @description value, pct_of_plan hoặc change */
        sort?: "value" | "pct_of_plan" | "change";
        /** @description last-year: so với cùng kỳ năm trước */
        compare?: string;
        /** @description Số dòng */
        limit?: number;
        /** @description old: các tỉnh cũ */
        era?: string;
        /** @description all (mặc định) hoặc approved: chỉ các tháng đã duyệt */
        data?: "all" | "approved";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Ranking"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  measures: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MeasureList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  listTargets: {
    parameters: {
      query?: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Năm */
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TargetList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  putTargets: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TargetInput"];
      };
    };
    responses: {
      /** @description Đã ghi cả lô */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Written"];
        };
      };
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Target"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      415: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  deleteTarget: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số chỉ tiêu */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TargetDeleted"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  importTargets: {
    parameters: {
      query?: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Tên tệp (khi gửi tệp thô) */
        filename?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description multipart/form-data với phần "file", hoặc tệp thô kèm ?filename= */
    requestBody: {
      content: {
        "multipart/form-data": {
          /** Format: binary */
          file: string;
        };
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FileImported"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      409: components["responses"]["Error"];
      413: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  listResults: {
    parameters: {
      query?: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Từ ngày */
        from?: string;
        /** @description Đến ngày */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ResultList"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  putResults: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ResultInput"];
      };
    };
    responses: {
      /** @description Đã ghi cả lô */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Written"];
        };
      };
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Result"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      415: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  deleteResult: {
    parameters: {
      query: {
        /** @description Mã đơn vị */
        unit: string;
        /** @description Kỳ */
        period: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {boolean} */
            deleted: true;
          };
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  importResults: {
    parameters: {
      query?: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Tên tệp (khi gửi tệp thô) */
        filename?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description multipart/form-data với phần "file", hoặc tệp thô kèm ?filename= */
    requestBody: {
      content: {
        "multipart/form-data": {
          /** Format: binary */
          file: string;
        };
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FileImported"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      409: components["responses"]["Error"];
      413: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  report: {
    parameters: {
      query: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Kỳ: 2025-10, 2025-Q3, 2025, 2025-01..2025-10… */
        period: string;
        /** @description last-year: so với cùng kỳ năm trước */
        compare?: string;
        /** @description all (mặc định) hoặc approved: chỉ các tháng đã duyệt */
        data?: "all" | "approved";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Report"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  reportXlsx: {
    parameters: {
      query: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Kỳ: 2025-10, 2025-Q3, 2025, 2025-01..2025-10… */
        period: string;
        /** @description last-year: so với cùng kỳ năm trước */
        compare?: string;
        /** @description all (mặc định) hoặc approved: chỉ các tháng đã duyệt */
        data?: "all" | "approved";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tệp XLSX */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  reportDocx: {
    parameters: {
      query: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Kỳ: 2025-10, 2025-Q3, 2025, 2025-01..2025-10… */
        period: string;
        /** @description last-year: so với cùng kỳ năm trước */
        compare?: string;
        /** @description all (mặc định) hoặc approved: chỉ các tháng đã duyệt */
        data?: "all" | "approved";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tệp DOCX */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  listActivities: {
    parameters: {
      query?: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Kỳ */
        period?: string;
        /** @description Từ ngày */
        from?: string;
        /** @description Đến ngày */
        to?: string;
        /** @description Loại hoạt động */
        kind?: string;
        /** @description Nhóm đối tượng */
        group?: string;
        /** @description Chủ đề */
        topic?: string;
        /** @description Ngôn ngữ */
        language?: string;
        /** @description Hình thức */
        channel?: string;
        /** @description Bỏ qua */
        offset?: number;
        /** @description Số dòng (1–1000, mặc định 50) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActivityPage"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  createActivity: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ActivityInput"];
      };
    };
    responses: {
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Activity"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  exportActivities: {
    parameters: {
      query?: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Kỳ */
        period?: string;
        /** @description Từ ngày */
        from?: string;
        /** @description Đến ngày */
        to?: string;
        /** @description Loại hoạt động */
        kind?: string;
        /** @description Nhóm đối tượng */
        group?: string;
        /** @description Chủ đề */
        topic?: string;
        /** @description Ngôn ngữ */
        language?: string;
        /** @description Hình thức */
        channel?: string;
        /** @description xlsx (mặc định) hoặc csv */
        format?: "xlsx" | "csv";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tệp */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  activityTemplate: {
    parameters: {
      query?: {
        /** @description Loại hoạt động */
        kind?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tệp mẫu */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  getActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số hoạt động */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Activity"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  updateActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số hoạt động */
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ActivityInput"];
      };
    };
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Activity"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  deleteActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số hoạt động */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActivityDeleted"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      423: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  activityHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số hoạt động */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActivityHistory"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  startImport: {
    parameters: {
      query?: {
        /** @description Mã đơn vị (mặc định VN: toàn quốc) */
        unit?: string;
        /** @description Tên tệp (khi gửi tệp thô) */
        filename?: string;
        /** @description Trang tính XLSX */
        sheet?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description multipart/form-data với phần "file", hoặc tệp thô kèm ?filename= */
    requestBody: {
      content: {
        "multipart/form-data": {
          /** Format: binary */
          file: string;
        };
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description Thành công */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ImportStarted"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      409: components["responses"]["Error"];
      413: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  importProgress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Số lượt nhập */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ImportJob"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  reference: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Thành công */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Reference"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
  addReference: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Danh mục */
        list: "kind" | "figure" | "group" | "topic" | "language" | "channel" | "partner";
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ReferenceEntryInput"];
      };
    };
    responses: {
      /** @description Thành công */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Reference"];
        };
      };
      400: components["responses"]["Error"];
      401: components["responses"]["Error"];
      403: components["responses"]["Error"];
      404: components["responses"]["Error"];
      409: components["responses"]["Error"];
      415: components["responses"]["Error"];
      500: components["responses"]["Error"];
    };
  };
}
