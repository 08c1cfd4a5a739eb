echo data > f
: > empty
mkdir d
[ -e f ] && echo exists
[ -f f ] && echo regular
[ -d d ] && echo dir
[ -f d ] || echo dir-not-file
[ -s f ] && echo nonempty
[ -s empty ] || echo empty-size
[ -e nope ] || echo missing
