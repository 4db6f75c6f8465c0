/** The jscodeshift baseline: parse with recast (tsx) and print the file back, changing nothing. */
module.exports = function noop(file, api) {
  return api.jscodeshift(file.source).toSource();
};
module.exports.parser = 'tsx';
