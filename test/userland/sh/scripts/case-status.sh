case a in b) true;; esac
echo $?
case a in a) (exit 3);; esac
echo $?
