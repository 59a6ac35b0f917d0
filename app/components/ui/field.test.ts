import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, type FieldProps, FieldSet } from "./field";

const html = (el: ReturnType<typeof h>) => renderToStaticMarkup(el);
const field = (props: Omit<FieldProps, "children">, control: FieldProps["children"]) => h(Field, { ...props, children: control });

describe("Field", () => {
  it("ties the label to the control by id and adds nothing when there is no hint or error", () => {
    const out = html(field({ label: "用户名", id: "nu-username" }, h("input", { name: "username" })));
    expect(out).toBe('<div class="field"><label for="nu-username">用户名</label><input name="username" id="nu-username"/></div>');
  });

  it("describes the control by its hint and its error, marks it invalid and keeps the error's words", () => {
    const out = html(
      field({ label: "密码", id: "pw", hint: "至少 10 个字符", error: "密码太短" }, h("input", { name: "password", type: "password" })),
    );
    expect(out).toContain('aria-describedby="pw-hint pw-error"');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('<span class="field-hint" id="pw-hint">至少 10 个字符</span>');
    expect(out).toContain('<span class="field-error" id="pw-error">密码太短</span>');
  });

  it("keeps a description the control already had and passes required on", () => {
    const out = html(
      field({ label: "名称", id: "n", error: "必填", required: true }, h("input", { name: "n", "aria-describedby": "other" })),
    );
    expect(out).toContain('aria-describedby="other n-error"');
    expect(out).toContain('required=""');
  });

  it("uses the control's own id, or a generated one that label and control share", () => {
    expect(html(field({ label: "类型" }, h("select", { id: "p-type" })))).toContain('<label for="p-type">');
    const out = html(field({ label: "标题", className: "form-grid__wide" }, h("input", { name: "title" })));
    const [, forId] = out.match(/<label for="([^"]+)">/) ?? [];
    expect(forId).toBeTruthy();
    expect(out).toContain(`id="${forId}"`);
    expect(out).toContain('class="field form-grid__wide"');
  });
});

describe("FieldSet", () => {
  it("puts a legend over the group and describes the group by its hint and error", () => {
    const out = html(
      h(FieldSet, { legend: "邀请单位", id: "invited", hint: "至少一个", error: "请选择", children: h("input", { type: "checkbox" }) }),
    );
    expect(out).toMatch(/^<fieldset class="field" id="invited" aria-describedby="invited-hint invited-error"><legend>邀请单位<\/legend>/);
    expect(out).toContain('<span class="field-error" id="invited-error">请选择</span>');
  });
});
