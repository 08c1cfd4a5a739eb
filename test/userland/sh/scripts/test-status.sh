test; echo $?
[ ]; echo $?
[ a ]; echo $?
[ a = b ]; echo $?
