// Saves long forms as people type (see Drafts/FormDrafts.cs on the server). Without JavaScript the
// "Save and come back later" button and the server's handling of an ended session still keep what was typed.
const forms = document.querySelectorAll('form input[name="__draft"]')

for (const field of forms) {
  const form = field.form
  const status = form.querySelector('[data-draft-status]')
  let timer = null
  let dirty = false
  let saving = null

  const body = () => new URLSearchParams(new FormData(form))

  const save = async () => {
    timer = null
    if (!dirty) return
    dirty = false
    saving = new AbortController()
    try {
      const response = await fetch('/drafts', { method: 'POST', body: body(), credentials: 'same-origin', signal: saving.signal })
      if (status && response.status === 204) {
        const now = new Date()
        status.textContent = `Draft saved at ${now.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`
      } else if (status && response.status === 401) {
        status.textContent = 'Your session has ended. Send the form: what you typed will be kept while you sign in again.'
      }
    } catch {
      dirty = !form.dataset.sent
    } finally {
      saving = null
    }
  }

  form.addEventListener('input', () => {
    if (form.dataset.sent) return
    dirty = true
    if (timer === null) timer = setTimeout(save, 3000)
  })
  // Sending the form saves it for real and deletes the draft: a draft saved after that would bring back the old
  // version of the record, so nothing more is saved from this page.
  form.addEventListener('submit', () => {
    form.dataset.sent = 'true'
    dirty = false
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (saving !== null) saving.abort()
  })
  // Closing the tab or the browser: send what is unsaved.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && dirty) {
      dirty = false
      navigator.sendBeacon('/drafts', body())
    }
  })
}
