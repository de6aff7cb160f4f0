import Link from "next/link";

/** The product's mark and name, linking home: the left end of every page header. */
export function BrandLink() {
  return (
    <Link href="/" className="flex items-center gap-2 text-sm font-semibold tracking-tight">
      <span
        aria-hidden
        className="grid size-6 place-items-center rounded bg-indigo-600 text-[11px] font-bold text-white"
      >
        WI
      </span>
      Webhook Inbox
    </Link>
  );
}
