[ a \< b ] && echo less
[ b \> a ] && echo greater
[ abc = "a"bc ] && echo quoted-eq
