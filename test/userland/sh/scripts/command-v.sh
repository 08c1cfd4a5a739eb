command -v echo
command -v cd
f() { :; }
command -v f
command -v nosuch_cmd_q || echo missing
