// Our own editor extensions, loaded by django-prose-editor's "configurable" preset.
// The markup they produce is exactly what portal/richtext.py keeps.
import {
  gettext,
  Mark,
  mergeAttributes,
  Table as BaseTable,
  TableHeader as BaseTableHeader,
  updateAttrsDialog,
} from "django-prose-editor/editor"

const LANGUAGES = [
  { label: gettext("Same as the page (remove the mark)"), value: "" },
  { label: "English (en)", value: "en" },
  { label: "繁體中文 (zh-Hant-HK)", value: "zh-Hant-HK" },
]

const langDialog = updateAttrsDialog(
  { lang: { title: gettext("Language of this passage"), enum: LANGUAGES.map((l) => l.label) } },
  { title: gettext("Language"), submitText: gettext("Update") },
)

// <span lang="…">: a passage in another language, so screen readers pronounce it right.
export const Lang = Mark.create({
  name: "lang",
  priority: 101,

  addAttributes() {
    return {
      lang: {
        default: null,
        parseHTML: (element) => element.getAttribute("lang"),
        renderHTML: (attributes) => (attributes.lang ? { lang: attributes.lang } : {}),
      },
    }
  },

  parseHTML() {
    return [{ tag: "span[lang]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes), 0]
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "lang",
      groups: "link",
      button: buttons.material("translate", gettext("Language of a passage")),
      enabled: (editor) => !editor.state.selection.empty || editor.isActive("lang"),
      active: (editor) => editor.isActive("lang"),
      command(editor) {
        const current = editor.getAttributes("lang").lang || ""
        const label = (LANGUAGES.find((l) => l.value === current) || LANGUAGES[0]).label
        langDialog(editor, { lang: label }).then((attrs) => {
          if (!attrs) return
          const chosen = LANGUAGES.find((l) => l.label === attrs.lang) || LANGUAGES[0]
          const chain = editor.chain().focus().extendMarkRange("lang")
          if (chosen.value) chain.setMark("lang", { lang: chosen.value }).run()
          else chain.unsetMark("lang").run()
        })
      },
    })
  },
})

const captionDialog = updateAttrsDialog(
  { caption: { type: "string", title: gettext("Caption: what the table shows") } },
  { title: gettext("Table caption"), submitText: gettext("Update") },
)

// "Insert table" makes a header row unless the editor unticks it: tables need header cells.
const insertTableDialog = updateAttrsDialog(
  {
    rows: { type: "number", title: gettext("Rows"), format: "number", min: "1", max: "100" },
    cols: { type: "number", title: gettext("Columns"), format: "number", min: "1", max: "100" },
    withHeaderRow: { type: "boolean", title: gettext("Include header row") },
  },
  { title: gettext("Table Properties"), submitText: gettext("Insert Table") },
)

// Tables keep a <caption>; the editor shows and edits it through the toolbar.
export const Table = BaseTable.extend({
  addCommands() {
    return {
      ...this.parent?.(),
      insertTableWithOptions:
        () =>
        ({ editor }) => {
          const initial = { rows: "3", cols: "3", withHeaderRow: true }
          insertTableDialog(editor, initial).then((attrs) => {
            if (!attrs) return
            const rows = Number.parseInt(attrs.rows, 10) || 3
            const cols = Number.parseInt(attrs.cols, 10) || 3
            const withHeaderRow = Boolean(attrs.withHeaderRow)
            editor.chain().focus().insertTable({ rows, cols, withHeaderRow }).run()
          })
          return true
        },
    }
  },

  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: "",
        parseHTML: (element) => element.querySelector(":scope > caption")?.textContent.trim() || "",
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    // The caption is the table's attribute, not a row.
    return [{ tag: "table" }, { tag: "caption", ignore: true }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const table = ["table", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)]
    if (node.attrs.caption) table.push(["caption", node.attrs.caption])
    table.push(["tbody", 0])
    return table
  },

  addMenuItems(context) {
    this.parent?.(context)
    context.menu.defineItem({
      name: "table:caption",
      groups: "table",
      button: context.buttons.material("title", gettext("Table caption")),
      hidden: (editor) => !editor.isActive("table"),
      command(editor) {
        const caption = editor.getAttributes("table").caption || ""
        captionDialog(editor, { caption }).then((attrs) => {
          if (attrs) editor.chain().focus().updateAttributes("table", attrs).run()
        })
      },
    })
  },
})

// Header cells say what they head; a header row is the usual case.
export const TableHeader = BaseTableHeader.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      scope: {
        default: "col",
        parseHTML: (element) => element.getAttribute("scope") || "col",
        renderHTML: (attributes) => ({ scope: attributes.scope }),
      },
    }
  },
})
