f() { return 3; echo never; }
f; echo $?
g() { false; }
g; echo $?
h() { true; return; }
h; echo $?
i() { (exit 9); return; }
i; echo $?
