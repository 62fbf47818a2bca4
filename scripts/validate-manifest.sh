#!/usr/bin/env bash
# Validate the add-in manifest offline against Microsoft's XSDs (npm run validate).
# Usage: scripts/validate-manifest.sh [manifest.xml]      exit 0 valid, 1 invalid, 2 setup
#
# The XSDs are not copied into this repository; they live beside it in ../shared
# (../shared/tools/validate-manifest and ../shared/schemas/office-addin-manifest). Looked for,
# in order: $CDS_SHARED_DIR, <repo>/../shared, /work/shared. With the tool, it is run as is;
# with only the schemas, xmllint (Debian: apt-get install libxml2-utils) is called directly.
# On a connected machine `npx office-addin-manifest validate manifest.xml` also works.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="${1:-$repo/manifest.xml}"
[ -f "$manifest" ] || { echo "validate-manifest: no such file: $manifest" >&2; exit 2; }
looked=()
for dir in "${CDS_SHARED_DIR:-}" "$repo/../shared" "/work/shared"; do
  [ -n "$dir" ] || continue
  looked+=("$dir")
  if [ -x "$dir/tools/validate-manifest" ]; then
    exec "$dir/tools/validate-manifest" "$manifest"
  fi
  schema="$dir/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd"
  if [ -f "$schema" ]; then
    command -v xmllint >/dev/null 2>&1 || {
      echo "validate-manifest: xmllint not found (apt-get install libxml2-utils)" >&2
      exit 2
    }
    exec xmllint --noout --schema "$schema" "$manifest"
  fi
done
echo "validate-manifest: Office manifest XSDs not found (looked in: ${looked[*]}); set CDS_SHARED_DIR to the folder holding tools/ and schemas/" >&2
exit 2
