/** ESLint formatter for the benchmark: counts instead of a report (files, fatal parse errors, messages per rule). */
module.exports = function countResults(results) {
  const messagesByRule = {};
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      else messagesByRule[message.ruleId] = (messagesByRule[message.ruleId] ?? 0) + 1;
    }
  }
  return JSON.stringify({ files: results.length, fatal, messagesByRule });
};
