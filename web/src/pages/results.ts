// pages/results.ts — placeholder while the page is being written.
import type { Page } from "../router";
import { pageHead } from "../components/ui";

const page: Page = (main) => {
  main.append(pageHead(document.title.split(" — ")[0]));
};

export default page;
