#!/usr/bin/env bash
# Writes (or updates) one comment on a pull request with the link to its preview, in Danish first.
# Needs GH_TOKEN (pull-requests: write), GITHUB_REPOSITORY, NUMBER and CHECKS (CI's conclusion).
set -euo pipefail

marker="<!-- seniorvaerktoejer-preview -->"
owner=${GITHUB_REPOSITORY%%/*}
name=${GITHUB_REPOSITORY#*/}
url="https://${owner}.github.io/${name}/pr-preview/pr-${NUMBER}/"
if [ "$CHECKS" = success ]; then
  checks_da="Alle tjek er bestået." checks_en="Every check passed."
else
  checks_da="Et eller flere tjek fejlede: se fanen \"Checks\". Forhåndsvisningen viser, hvordan sitet ser ud alligevel."
  checks_en="One or more checks failed: see the \"Checks\" tab. The preview shows the site as built anyway."
fi
body="${marker}
**Forhåndsvisning:** ${url} (engelsk: ${url}en/)

${checks_da} Siden opdateres ved hvert nyt commit og fjernes, når pull requesten lukkes.

*Preview:* ${url}. ${checks_en}"

existing=$(gh api "repos/${GITHUB_REPOSITORY}/issues/${NUMBER}/comments" --paginate \
  --jq ".[] | select(.body | startswith(\"${marker}\")) | .id" | head -n 1)
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/${GITHUB_REPOSITORY}/issues/comments/${existing}" -f body="$body" >/dev/null
else
  gh api --method POST "repos/${GITHUB_REPOSITORY}/issues/${NUMBER}/comments" -f body="$body" >/dev/null
fi
echo "Preview linked: ${url}"
