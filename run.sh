#!/usr/bin/env bash
# Builds scr, prepares the SQLite database with demo data, and serves the site.
#
#   ./run.sh               # http://127.0.0.1:5080
#   PORT=8080 ./run.sh
#
# Steps: npm packages and CSS of the web project (only installed when needed),
# a build of the whole solution, `./scr db migrate`, `./scr demo seed` (which
# prints the demo sign-ins and their TOTP secrets), then the web app in the
# Development environment unless ASPNETCORE_ENVIRONMENT says otherwise.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
cd "$ROOT"
# shellcheck source=scripts/common.sh
source scripts/common.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scr_web_assets
dotnet build Scr.slnx -nologo

# The database is data/scr.db in the repository root. `dotnet run` starts a web
# project in its own directory (src/Scr.Web), so a relative path would point the
# site at a different file from the one the CLI migrates and seeds; use an
# absolute path for both unless a connection string is configured already.
if [[ -z ${ConnectionStrings__Sqlite:-} && -z ${ConnectionStrings__Postgres:-} ]]; then
  mkdir -p data
  export ConnectionStrings__Sqlite="Data Source=$ROOT/data/scr.db"
fi

# Uploaded documents beside the database, for the same reason.
export Documents__Directory=${Documents__Directory:-$ROOT/data/documents}

# Without an SMTP server, email (invitations, password resets) goes to a pickup
# folder that the site shows at /dev/mail in Development.
if [[ -z ${Smtp__Host:-} ]]; then
  export Smtp__PickupDirectory=${Smtp__PickupDirectory:-$ROOT/data/mail}
fi

./scr db migrate
./scr demo seed

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# Served over plain http on this machine: cookies cannot be HTTPS-only here, and
# the site then answers requests from this machine only (see docs/operations.md).
export Security__HttpsOnly=${Security__HttpsOnly:-false}
url="http://127.0.0.1:${PORT:-5080}"
echo
echo "scr is starting at $url ($ASPNETCORE_ENVIRONMENT); Ctrl-C stops it."
echo
# --no-launch-profile: launchSettings.json would otherwise override the
# environment and the URL chosen here.
exec dotnet run --no-build --no-launch-profile --project src/Scr.Web --urls "$url"
