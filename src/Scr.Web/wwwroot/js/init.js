// Starts GOV.UK Frontend's components (error summary focus, radios, checkboxes, navigation...).
// Loaded as a module, so browsers without ES module support keep the no-JavaScript experience.
import { initAll } from './govuk-frontend.min.js'

initAll()
