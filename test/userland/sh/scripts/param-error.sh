x=ok
echo ${x:?never}
(unset y; echo ${y:?custom message}) 2>/dev/null
echo status $?
(unset y; echo ${y?}) 2>/dev/null
echo status $?
