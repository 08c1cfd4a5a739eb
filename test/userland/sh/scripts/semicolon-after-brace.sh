{ echo a; } ; { echo b
}
f() { echo c; } ; f
