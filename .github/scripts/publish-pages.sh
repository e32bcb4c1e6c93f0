#!/usr/bin/env bash
# Writes a built site into the gh-pages branch, which GitHub Pages publishes:
#   publish-pages.sh put <built site folder> <folder on the branch: "." for the site itself, or pr-preview/pr-N> <message>
#   publish-pages.sh remove <folder on the branch> <message>
# "put ." replaces the whole site but keeps pr-preview/ (the open pull requests' previews).
# Needs GITHUB_TOKEN (contents: write) and GITHUB_REPOSITORY; PAGES_REMOTE overrides the address (the tests use a local one).
# Hand-written (plain git) rather than a third-party action, so no outside code ever holds the write token.
set -euo pipefail

action=$1
remote=${PAGES_REMOTE:-"https://x-access-token:${GITHUB_TOKEN:-}@github.com/${GITHUB_REPOSITORY:-}.git"}
branch=gh-pages
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! git clone --quiet --depth 1 --branch "$branch" "$remote" "$work" 2>/dev/null; then
  git init --quiet "$work"                       # the first publication: the branch does not exist yet
  git -C "$work" checkout --quiet --orphan "$branch"
fi

case "$action" in
  put)
    source_dir=$(cd "$2" && pwd) folder=$3 message=$4
    cd "$work"
    if [ "$folder" = . ]; then
      find . -mindepth 1 -maxdepth 1 ! -name .git ! -name pr-preview -exec rm -rf {} +
    else
      rm -rf "$folder"
      mkdir -p "$folder"
    fi
    cp -a "$source_dir"/. "$folder"/
    ;;
  remove)
    folder=$2 message=$3
    cd "$work"
    rm -rf "$folder"
    ;;
  *)
    echo "publish-pages.sh: unknown action '$action' (use put or remove)" >&2
    exit 2
    ;;
esac

touch .nojekyll                                  # GitHub Pages serves the files as they are, no Jekyll
git add --all
if git diff --cached --quiet; then
  echo "gh-pages: nothing changed"
  exit 0
fi
git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit --quiet -m "$message"
git push --quiet "$remote" "HEAD:$branch"
echo "gh-pages: $message"
