/**
 * eslint-doc-generator's settings: it writes the header of each docs/rules/<name>.md (title, description,
 * configs) and README's rules table from the rules' meta. Run it after `npm run build`, on
 * scripts/doc-generator (see the note there): `npx eslint-doc-generator scripts/doc-generator`, and in CI
 * `npx eslint-doc-generator scripts/doc-generator --check` (the folder first: after `--check` it would be
 * taken for that flag's value). The paths below are relative to that folder.
 */
const DESCRIPTION_NOTICE = /^📝 (.+)\.$/mu;

export default {
  pathRuleDoc: "../../docs/rules/{name}.md",
  pathRuleList: "../../README.md",
  // The -python and -js configs are the two halves of recommended and strict: naming those is enough.
  ignoreConfig: ["recommended-python", "recommended-js", "strict-python", "strict-js"],
  configEmoji: [["strict", "🔒"]],
  ruleDocNotices: ["description", "configs"],
  ruleListColumns: ["name", "description", "configsError"],
  /**
   * Our rule docs show the description as written in meta.docs.description, on its own line under the
   * title (test/plugin/docs.test.ts checks it): the generator's description notice adds an emoji and a period.
   */
  postprocess(content, path) {
    return /[\\/]docs[\\/]rules[\\/][^\\/]+\.md$/u.test(path) ? content.replace(DESCRIPTION_NOTICE, "$1") : content;
  },
};
