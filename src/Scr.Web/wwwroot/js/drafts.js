// Saves long forms as people type (see Drafts/FormDrafts.cs on the server). Without JavaScript the
// "Save and come back later" button and the server's handling of an ended session still keep what was typed.
const forms = document.querySelectorAll('form input[name="__draft"]')

for (const field of forms) {
  const form = field.form
  const status = form.querySelector('[data-draft-status]')
  let timer = null
  let dirty = false

  const body = () => new URLSearchParams(new FormData(form))

  const save = async () => {
    timer = null
    if (!dirty) return
    dirty = false
    try {
      const response = await fetch('/drafts', { method: 'POST', body: body(), credentials: 'same-origin' })
      if (status && response.status === 204) {
        const now = new Date()
        status.textContent = `Draft saved at ${now.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`
      } else if (status && response.status === 401) {
        status.textContent = 'Your session has ended. Send the form: what you typed will be kept while you sign in again.'
      }
    } catch {
      dirty = true
    }
  }

  form.addEventListener('input', () => {
    dirty = true
    if (timer === null) timer = setTimeout(save, 3000)
  })
  // Closing the tab or the browser: send what is unsaved.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && dirty) {
      dirty = false
      navigator.sendBeacon('/drafts', body())
    }
  })
}
