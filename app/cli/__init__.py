"""The ``momentum-lab`` command line: :mod:`.main` is the entry point, :mod:`.parser` the
options, :mod:`.arguments` the parsing every command shares, one module per command."""
