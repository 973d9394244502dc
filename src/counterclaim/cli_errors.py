"""How every command reports an error: one red line on stderr, prefixed with the program name."""
import typer


def err(msg: str) -> None:
    typer.secho(f"counterclaim: {msg}", fg=typer.colors.RED, err=True)
