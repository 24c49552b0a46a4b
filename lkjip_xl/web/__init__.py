"""`lkjip-xl web`: a page on the user's own computer (127.0.0.1) that does what the commands do,
for staff who never open a terminal. It calls the same library functions as the commands
(``commands.template``, ``commands.check``, ``commands.skm``, ``commands.annex``); nothing leaves
the computer. Needs the optional extra ``web`` (starlette, uvicorn, jinja2, python-multipart).

- ``store.py``: uploads in a private temporary folder, by opaque random ids, removed after an
  idle hour and when the server stops.
- ``sniff.py``: what an upload is, by its content.
- ``outputs.py``: the files a result offers (annotated copy, annex, ...): a command that appears
  later adds one entry there.
- ``views.py``: findings and the SKM result as plain data for the page.
- ``app.py``: the routes, the size limit and the safety headers; ``server.py``: start and stop.
"""
