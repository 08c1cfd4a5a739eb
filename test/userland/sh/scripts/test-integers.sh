[ 3 -eq 3 ] && echo eq
[ 3 -ne 4 ] && echo ne
[ 2 -lt 10 ] && echo lt
[ 10 -gt 2 ] && echo gt
[ 5 -le 5 ] && echo le
[ 5 -ge 6 ] || echo not-ge
[ -3 -lt 0 ] && echo negative
