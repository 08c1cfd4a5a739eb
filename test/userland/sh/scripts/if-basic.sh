if true; then echo yes; fi
if false; then echo no; else echo else; fi
if false; then echo 1; elif true; then echo 2; else echo 3; fi
if false; then echo 1; elif false; then echo 2; else echo 3; fi
