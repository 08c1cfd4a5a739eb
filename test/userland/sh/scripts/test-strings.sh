[ abc = abc ] && echo eq
[ abc != abd ] && echo ne
[ -n "x" ] && echo nonempty
[ -z "" ] && echo empty
[ "" ] || echo empty-false
[ x ] && echo one-arg
test a = b || echo not-eq
