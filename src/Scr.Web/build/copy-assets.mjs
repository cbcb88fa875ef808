// Copies what the compiled stylesheet and the pages need from govuk-frontend into wwwroot:
// the JavaScript bundle (loaded as an ES module) and the assets folder (fonts, images, manifest).
// The outputs are not committed; `dotnet build` runs `npm run build` when they are missing or stale.
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk')
const wwwroot = join(root, 'wwwroot')

mkdirSync(join(wwwroot, 'js'), { recursive: true })
cpSync(join(dist, 'govuk-frontend.min.js'), join(wwwroot, 'js', 'govuk-frontend.min.js'))

rmSync(join(wwwroot, 'assets'), { recursive: true, force: true })
cpSync(join(dist, 'assets'), join(wwwroot, 'assets'), { recursive: true })
